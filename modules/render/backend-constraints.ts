/**
 * What each backend cannot express, checked by `oncall validate` for the backends the stacks use, with the
 * position in the YAML and the backend named — never discovered at `pulumi up`.
 */
import type { Problem } from '../core/problem';
import type { Organisation, Squad } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { PAGING_BACKENDS } from '../backends/paging';
import { CAPABILITIES } from './capabilities';
import { rotationsOutsideStack } from './stack-rotations';
import type { Backend } from './desired';
import { at, type AddProblem } from './limit-problems';
import { notifyLimits } from './notify-limits';
import { holidayPromiseLimits } from './holiday-promise-limits';
import { positionAt } from '../spec/yaml-document';
import { didYouMean, suggestionField } from '../core/suggest';

function inStack(stack: StackSpec, team: Squad): boolean {
  return !team.retired && (!stack.teams || stack.teams.includes(team.id));
}

export function backendProblems(org: Organisation, stacks: readonly StackSpec[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (p: Problem): void => {
    const key = `${p.file}:${p.line}:${p.code}:${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  };
  for (const stack of stacks) {
    const backend = PAGING_BACKENDS[stack.backend];
    const label = `${backend.label} (stack \`${stack.name}\`)`;
    (stack.teams ?? []).forEach((id, i) => {
      if (!org.squads.has(id)) {
        const pos = { file: stack.file, ...positionAt(stack.yaml, ['config', 'oncall:teams', i]) };
        add({
          ...at(pos, 'error', 'stack/unknown-team', `stack \`${stack.name}\` selects squad \`${id}\`, which has no folder in teams/`),
          ...suggestionField(didYouMean(id, org.squads.keys())),
        });
      }
    });
    for (const team of org.squads.values()) {
      if (!inStack(stack, team)) continue;
      refusals(org, team, stack.backend, label, add);
      rotationsOutsideStack(org, stack, team, add);
      backend.constraints(org, team, label, add);
      holidayPromiseLimits(org, team, label, add);
    }
    notifyLimits(org, stack, label, add);
    datadogSite(org, stack, add);
  }
  return problems;
}

/** The features the capability matrix says this backend refuses, where the squad uses them. */
function refusals(org: Organisation, team: Squad, backend: Backend, label: string, add: AddProblem): void {
  for (const capability of CAPABILITIES) {
    const cell = capability.backends[backend];
    if (cell.kind !== 'refused') continue;
    for (const source of capability.usedAt?.(team, org) ?? [])
      add(at(source, 'error', cell.code, `${label} cannot express ${capability.yaml}: ${cell.why}`));
  }
}

/**
 * Every stack registers Datadog resources (monitors, checks, SLOs, the status page; On-Call on Datadog stacks).
 * Without `datadog:apiUrl` the provider talks to its default site (US1) unless DD_HOST says otherwise, and
 * an organisation on another site (EU…) gets `403 Forbidden` at the first `pulumi up`.
 */
function datadogSite(org: Organisation, stack: StackSpec, add: AddProblem): void {
  if (stack.datadogApiUrl !== undefined) return;
  const teams = [...org.squads.values()].filter((t) => inStack(stack, t));
  const registers =
    stack.backend === 'datadog' ||
    teams.some((t) => [...t.alerts.values()].some((a) => !a.retired)) ||
    (!stack.teams && [...org.services.values()].some((s) => s.statusPage));
  if (!registers) return;
  const pos = { file: stack.file, ...positionAt(stack.yaml, ['config'], true) };
  add({
    ...at(
      pos,
      'warning',
      'stack/datadog-site',
      `stack \`${stack.name}\` registers Datadog resources (monitors, checks, status page) but names no Datadog site: the provider uses DD_HOST or https://api.datadoghq.com/`,
    ),
    suggestion: 'set `datadog:apiUrl` (such as `https://api.datadoghq.eu/`)',
  });
}
