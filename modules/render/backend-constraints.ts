/**
 * What each backend cannot express, checked by `oncall validate` for the backends the stacks use, with the
 * position in the YAML and the backend named — never discovered at `pulumi up`.
 */
import type { Problem } from '../core/problem';
import type { Organisation, Source, Team } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { CAPABILITIES } from './capabilities';
import { fixedTimePerDay } from './coverage-shapes';
import type { Backend } from './desired';
import { emailIntakeService } from '../backends/pagerduty/render';
import { stepDelays } from './squad-routing';
import { parseYaml, positionAt } from '../spec/yaml-document';
import { didYouMean } from '../core/suggest';

const LABEL = { pagerduty: 'PagerDuty', opsgenie: 'Opsgenie', datadog: 'Datadog On-Call' } as const;

function at(source: Source, severity: 'error' | 'warning', code: string, message: string): Problem {
  return { file: source.file, line: source.line, column: source.column, severity, code, message };
}

function inStack(stack: StackSpec, team: Team): boolean {
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
    const label = `${LABEL[stack.backend]} (stack \`${stack.name}\`)`;
    (stack.teams ?? []).forEach((id, i) => {
      if (!org.teams.has(id)) {
        const pos = { file: stack.file, ...positionAt(stack.yaml, ['config', 'oncall:teams', i]) };
        add(at(pos, 'error', 'stack/unknown-team', `stack \`${stack.name}\` selects squad \`${id}\`, which has no folder in teams/${didYouMean(id, org.teams.keys())}`));
      }
    });
    for (const team of org.teams.values()) {
      if (!inStack(stack, team)) continue;
      refusals(org, team, stack.backend, label, add);
      if (stack.backend === 'opsgenie') opsgenie(org, team, label, add);
      if (stack.backend === 'pagerduty') pagerduty(team, label, add);
      if (stack.backend === 'datadog') datadog(org, team, label, add);
    }
    datadogSite(org, stack, add);
  }
  return problems;
}

/** The features the capability matrix says this backend refuses, where the squad uses them. */
function refusals(org: Organisation, team: Team, backend: Backend, label: string, add: (p: Problem) => void): void {
  for (const capability of CAPABILITIES) {
    const cell = capability.backends[backend];
    if (cell.kind !== 'refused') continue;
    for (const source of capability.usedAt?.(team, org) ?? []) add(at(source, 'error', cell.code, `${label} cannot express ${capability.yaml}: ${cell.why}`));
  }
}

function opsgenie(org: Organisation, team: Team, label: string, add: (p: Problem) => void): void {
  alertEscalations(org, team, label, 'backend/opsgenie-alert-escalation', add);
  const half = (m: number) => m % 30 === 0;
  for (const rotation of team.rotations.values()) {
    if (rotation.retired) continue;
    if (!half(rotation.handoffMinute)) {
      add(at(rotation.source, 'error', 'backend/opsgenie-half-hour', `${label} hands over only at minute 0 or 30 and silently rounds others: \`${rotation.id}\` hands over at ${String(Math.floor(rotation.handoffMinute / 60)).padStart(2, '0')}:${String(rotation.handoffMinute % 60).padStart(2, '0')}`));
    }
    if (rotation.coverage.intervals.some(([s, e]) => !half(s) || !half(e))) {
      add(at(rotation.source, 'error', 'backend/opsgenie-half-hour', `${label} time restrictions start and end at minute 0 or 30 only: the coverage of \`${rotation.id}\` does not`));
    }
  }
  for (const rule of team.routing) {
    if (rule.during.intervals.some(([s, e]) => !half(s) || !half(e))) {
      add(at(rule.source, 'error', 'backend/opsgenie-half-hour', `${label} routing time restrictions start and end at minute 0 or 30 only`));
    }
  }
}

function pagerduty(team: Team, label: string, add: (p: Problem) => void): void {
  const policies = new Set(team.routing.map((r) => r.escalation));
  const first = team.routing[0];
  if (policies.size > 1 && first) {
    add(at(first.source, 'error', 'backend/pagerduty-one-policy', `${label} sends a service's incidents to one escalation policy: the routing of \`${team.id}\` uses ${[...policies].map((p) => `\`${p}\``).join(' and ')}`));
  }
  if (team.routing.length > 2 && first) {
    add(at(team.routing[2]!.source, 'error', 'backend/pagerduty-routing', `${label} distinguishes support hours and the rest only: \`${team.id}\` has ${team.routing.length} routing rules; keep two at most`));
  } else if (team.routing.length === 2 && first && !fixedTimePerDay(first.during)) {
    add(at(first.source, 'error', 'backend/pagerduty-support-hours', `${label} support hours are the same hours on each chosen day, within one day: this rule's \`during\` is not`));
  }
  for (const policy of team.escalations.values()) {
    if (policy.retired) continue;
    const delays = stepDelays(policy);
    policy.steps.forEach((step, i) => {
      if (step.targets.length > 1 && (delays[i] ?? 0) < 3 && i < policy.steps.length - 1) {
        add(at(step.source, 'warning', 'backend/pagerduty-delay', `${label} wants at least 3 minutes before escalating from a rule with several targets`));
      }
    });
  }
  for (const alert of team.alerts.values()) {
    if (alert.escalation !== undefined && first && alert.escalation !== first.escalation) {
      add(at(alert.source, 'error', 'backend/pagerduty-one-policy', `${label} routes a service to one escalation policy: \`${alert.id}\` names \`${alert.escalation}\` but its service uses \`${first.escalation}\``));
    }
  }
  for (const service of team.services.values()) {
    // PagerDuty/terraform-provider-pagerduty@v2.4.0:pagerduty/resource_pagerduty_service.go refuses these names.
    if (/^$|^[ ]+$|[/\\<>&]/.test(service.name)) {
      add(at(service.source, 'error', 'backend/pagerduty-service-name', `${label} refuses a service name that is blank or contains \\ / & < or >: \`${service.name}\``));
    }
  }
  pagerdutyEmailIntake(team, label, add);
}

/** PagerDuty receives e-mail through an integration of one service: the squad's first. */
function pagerdutyEmailIntake(team: Team, label: string, add: (p: Problem) => void): void {
  if (!team.emailIntake) return;
  const receiving = emailIntakeService(team);
  if (receiving === undefined) {
    add(at(team.source, 'error', 'backend/pagerduty-email-no-service', `${label} receives e-mail on a service: \`${team.id}\` asks for e-mail intake and has no service`));
    return;
  }
  const others = [...team.services.values()].filter((s) => !s.retired && s.id !== receiving);
  const second = others[0];
  if (second) {
    const list = others.map((s) => `\`${s.id}\``).join(', ');
    add(at(second.source, 'warning', 'backend/pagerduty-email-service', `${label} files every e-mailed alert of \`${team.id}\` under its first service \`${receiving}\` (${team.id}@<subdomain>.pagerduty.com), not under ${list}: they page the same people`));
  }
}

/** Where a key under an object of the YAML is (`intake.email`), or the object's own position when it cannot be found. */
function positionIn(org: Organisation, source: Source, path: (string | number)[]): Source {
  const root = org.tree.root.replace(/\/+$/, '');
  const rel = root === '' || root === '.' ? source.file : source.file.slice(root.length + 1);
  const text = org.tree.files.get(rel);
  const parsed = text === undefined ? undefined : parseYaml(source.file, text).parsed;
  return parsed ? { file: source.file, ...positionAt(parsed, path, true) } : source;
}

/**
 * Every stack registers Datadog resources (monitors, checks, SLOs, the status page; On-Call on Datadog stacks).
 * Without `datadog:apiUrl` the provider talks to its default site (US1) unless DD_HOST says otherwise, and
 * an organisation on another site (EU…) gets `403 Forbidden` at the first `pulumi up`.
 */
function datadogSite(org: Organisation, stack: StackSpec, add: (p: Problem) => void): void {
  if (stack.datadogApiUrl !== undefined) return;
  const teams = [...org.teams.values()].filter((t) => inStack(stack, t));
  const registers = stack.backend === 'datadog' || teams.some((t) => [...t.alerts.values()].some((a) => !a.retired)) || (!stack.teams && [...org.services.values()].some((s) => s.statusPage));
  if (!registers) return;
  const pos = { file: stack.file, ...positionAt(stack.yaml, ['config'], true) };
  add(at(pos, 'warning', 'stack/datadog-site', `stack \`${stack.name}\` registers Datadog resources (monitors, checks, status page) but names no Datadog site: set \`datadog:apiUrl\` (such as \`https://api.datadoghq.eu/\`), or the provider uses DD_HOST or https://api.datadoghq.com/`));
}

function datadog(org: Organisation, team: Team, label: string, add: (p: Problem) => void): void {
  for (const policy of team.escalations.values()) {
    if (policy.retired) continue;
    const delays = stepDelays(policy);
    policy.steps.forEach((step, i) => {
      const seconds = (delays[i] ?? 1) * 60;
      if (seconds > 36000 && i < policy.steps.length - 1) {
        add(at(step.source, 'error', 'backend/datadog-delay', `${label} escalates after 10 hours at most: step ${i + 1} of \`${policy.id}\` waits ${delays[i]} minutes`));
      }
    });
    if (policy.repeat > 10) add(at(policy.source, 'error', 'backend/datadog-retries', `${label} repeats a policy 10 times at most`));
  }
  alertEscalations(org, team, label, 'backend/datadog-alert-escalation', add);
}

/**
 * On Opsgenie and Datadog On-Call, pages reach a squad through its team routing rules, chosen by time only: an
 * alert naming another policy than the one the routing gives at some hours would silently page that one instead.
 */
function alertEscalations(org: Organisation, team: Team, label: string, code: string, add: (p: Problem) => void): void {
  const routed = new Set(team.routing.map((r) => r.escalation));
  for (const alert of team.alerts.values()) {
    if (alert.retired || alert.escalation === undefined || !alert.page) continue;
    const others = [...routed].filter((p) => p !== alert.escalation);
    if (others.length > 0) {
      // team.yaml and alerts/*.yaml both hold alerts under `alerts`.
      add(at(positionIn(org, alert.source, ['alerts', alert.id, 'escalation']), 'error', code, `${label} routes a squad's pages by its routing rules only: \`${alert.id}\` names \`${alert.escalation}\` but the routing of \`${team.id}\` also uses ${others.map((p) => `\`${p}\``).join(' and ')}`));
    }
  }
}
