/**
 * What a pull request's review needs, computed in one pass: the validation of the head (every stack's backend
 * checks), the readiness of the alerts changed since the base, and the plan of every stack against the base.
 * The teams and stacks at the base are read from git once for all stacks, and a file whose text did not change
 * is parsed once for both sides.
 */
import { DateTime } from 'luxon';
import { readiness } from '../checks';
import { hasErrors, type Problem } from '../core/problem';
import { backendProblems } from '../render/backend-constraints';
import { holidayBackendProblems } from '../render/holiday-problems';
import { renderStack } from '../render/stack';
import type { DesiredResource } from '../render/desired';
import { unchangedSquads } from './unchanged-squads';
import { withSharedParses } from '../spec/parse-cache';
import { baseDeployment, baseStacks, baseTeams } from './base-deployment';
import { changedAlerts, changedServices } from './changed-alerts';
import type { PlanDiff } from './format/plan-diff';
import { pathIn, type Io } from './io';
import { loadTeamsDir, shownPath, type CliLoad } from './load-teams';
import { planAgainstBase } from './plan-against-base';

export interface StackCheck {
  readonly stack: string;
  readonly plan?: PlanDiff;
  /** Why the stack has no plan (its errors, or a base that does not load: the deletion guard cannot decide). */
  readonly refused?: string;
  /** The base's errors, when the base does not load. */
  readonly baseProblems?: { readonly problems: readonly Problem[]; readonly sources: ReadonlyMap<string, string> };
}

export interface PullRequestCheck {
  readonly validation: CliLoad;
  /** Absent when the organisation does not load (`skipped` says so). */
  readonly readiness?: { readonly findings: readonly Problem[]; readonly subject: string };
  readonly stacks: readonly StackCheck[];
  /** Why readiness and the plans were not computed. */
  readonly skipped?: string;
}

export interface CheckRequest {
  readonly teams: string;
  readonly stacksDir: string;
  readonly base: string;
}

export function pullRequestCheck(req: CheckRequest, io: Io): PullRequestCheck {
  return withSharedParses(() => check(req, io));
}

function check(req: CheckRequest, io: Io): PullRequestCheck {
  const now = io.now();
  const validation = loadTeamsDir(req.teams, now.getTime(), req.stacksDir, io);
  const org = validation.organisation;
  // Problems of the stacks (their files, what their backends cannot express) stop those stacks only.
  const stacksShown = `${shownPath(req.stacksDir, io.cwd).replace(/\/+$/, '')}/`;
  const ofStacks = (p: Problem): boolean => p.code.startsWith('backend/') || p.file.startsWith(stacksShown);
  if (!org || !validation.tree || validation.problems.some((p) => p.severity === 'error' && !ofStacks(p))) {
    return { validation, stacks: [], skipped: 'the organisation has errors: readiness and the plans need it valid' };
  }
  const teams = baseTeams(pathIn(io, req.teams), req.base, validation.tree.root);
  const baseOrg = teams.loaded && !hasErrors(teams.loaded.problems) ? teams.loaded.organisation : undefined;
  const alerts = changedAlerts(baseOrg, org);
  const today = DateTime.fromJSDate(now, { zone: org.timezone }).toISODate() ?? '';
  const findings = readiness(org, { alerts, services: changedServices(baseOrg, org, alerts), today });
  const subject = `${alerts.size} alert${alerts.size === 1 ? '' : 's'} added or changed since ${req.base}`;

  const stacksRead = baseStacks(pathIn(io, req.stacksDir), req.base);
  // The squads the change leaves alone render the same at the base: taken from the head's rendering.
  const untouched = baseOrg ? unchangedSquads(teams.tree, validation.tree, baseOrg, org) : new Set<string>();
  const stackErrors = hasErrors(validation.problems);
  const stacks = (validation.stacks ?? []).map((stack): StackCheck => {
    // What `plan --stack` refuses: an error of this stack's file or of its backend.
    if (
      stackErrors &&
      [
        ...validation.problems.filter((p) => p.file === stack.file),
        ...backendProblems(org, [stack]),
        ...holidayBackendProblems(org, [stack], now.getTime()),
      ].some((p) => p.severity === 'error')
    ) {
      return { stack: stack.name, refused: 'the stack has errors (see the validation): no plan' };
    }
    const settings = { ...stack, now: now.getTime() };
    const state = renderStack(org, settings);
    const bySquad = new Map<string, DesiredResource[]>();
    for (const r of state.resources) {
      const list = bySquad.get(r.squad);
      if (list) list.push(r);
      else bySquad.set(r.squad, [r]);
    }
    const reuse = (squad: string) => (untouched.has(squad) ? (bySquad.get(squad) ?? []) : undefined);
    const before = baseDeployment(
      {
        teamsDir: pathIn(io, req.teams),
        teamsDisplay: validation.tree?.root ?? req.teams,
        stacksDir: pathIn(io, req.stacksDir),
        stack,
        ref: req.base,
        now: settings.now,
      },
      { teams, stacks: stacksRead },
      reuse,
    );
    if (before.kind === 'broken') {
      return {
        stack: stack.name,
        refused: `${before.what} does not load, so what the stack deployed there is unknown: fix the base, or run \`oncall plan --base ${req.base} --allow-delete\``,
        baseProblems: { problems: before.problems, sources: before.sources },
      };
    }
    return { stack: stack.name, plan: planAgainstBase({ organisation: org, stack, state }, before, req.base, now.getTime(), false) };
  });
  return { validation, readiness: { findings, subject }, stacks };
}
