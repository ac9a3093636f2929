/** What the backends' limit checks share: a positioned problem, and the limit of routing by time only. */
import type { Code, Problem } from '../core/problem';
import type { Organisation, Source, Squad } from '../model/types';
import { parseYaml, positionAt } from '../spec/yaml-document';

/** Adds a problem (once, however many stacks find it). */
export type AddProblem = (p: Problem) => void;

/** A problem at a position of the YAML. */
export function at(source: Source, severity: 'error' | 'warning', code: Code, message: string): Problem {
  return { file: source.file, line: source.line, column: source.column, severity, code, message };
}

/** Where a key under an object of the YAML is (`intake.email`), or the object's own position when it cannot be found. */
export function positionIn(org: Organisation, source: Source, path: (string | number)[]): Source {
  const root = org.tree.root.replace(/\/+$/, '');
  const rel = root === '' || root === '.' ? source.file : source.file.slice(root.length + 1);
  const text = org.tree.files.get(rel);
  const parsed = text === undefined ? undefined : parseYaml(source.file, text).parsed;
  return parsed ? { file: source.file, ...positionAt(parsed, path, true) } : source;
}

/**
 * On Opsgenie and Datadog On-Call, pages reach a squad through its team routing rules, chosen by time only: an
 * alert naming another policy than the one the routing gives at some hours would silently page that one instead.
 */
export function alertEscalations(org: Organisation, team: Squad, label: string, code: Code, add: AddProblem): void {
  const routed = new Set(team.routing.map((r) => r.escalation));
  for (const alert of team.alerts.values()) {
    if (alert.retired || alert.escalation === undefined || !alert.page) continue;
    // A service with a promise has routing rules of its own, to its policy only.
    const promise = team.services.get(alert.service)?.promise;
    const others = [...(promise ? [promise.escalation] : routed)].filter((p) => p !== alert.escalation);
    if (others.length > 0) {
      // team.yaml and alerts/*.yaml both hold alerts under `alerts`.
      add(
        at(
          positionIn(org, alert.source, ['alerts', alert.id, 'escalation']),
          'error',
          code,
          `${label} routes a squad's pages by its routing rules only: \`${alert.id}\` names \`${alert.escalation}\` but the routing of \`${team.id}\` also uses ${others.map((p) => `\`${p}\``).join(' and ')}`,
        ),
      );
    }
  }
}
