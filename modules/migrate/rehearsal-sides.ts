/**
 * The sides of a rehearsal: a stack rendered on its backend, an account observed and renamed to the planned names, and
 * the engine; each read with the people of the organisation (an e-mail it does not know is someone else, never nobody).
 */
import type { Organisation } from '../model/types';
import { renderStack } from '../render/stack';
import type { StackSpec } from '../spec/stacks';
import type { AccountAdapter, AccountSource, ObservedState } from './account';
import { EngineTimelines } from './engine-timeline';
import { renameObserved } from './rename';
import { backendSide, engineSide, rehearse, type RehearsalReport, type Side } from './rehearsal';

const WEEK = 7 * 86_400_000;

/** A stack's rendering at `now`, read by its backend's interpreter. */
export function stackSide(role: 'source' | 'target', org: Organisation, stack: StackSpec, now: number): Side {
  const state = renderStack(org, {
    name: stack.name,
    backend: stack.backend,
    teams: stack.teams,
    now,
    pagerdutySubdomain: stack.pagerdutySubdomain ?? 'example',
    opsgenieRegion: stack.opsgenieRegion,
  });
  return backendSide(role, `${stack.backend} stack ${stack.name} (${stack.file})`, org, state, stack.teams);
}

/** An account read through its adapter: observed, imported for the links, renamed to the planned names. */
export async function accountState(adapter: AccountAdapter, source: AccountSource, now: number): Promise<ObservedState> {
  const account = await adapter.read(source);
  const observed = adapter.observe(account);
  const imported = adapter.importTeams(observed, { phones: false, now });
  return renameObserved(observed, imported.links);
}

export function accountSide(org: Organisation, state: ObservedState, label: string): Side {
  return backendSide('source', label, org, state);
}

export interface RehearsalPlan {
  readonly org: Organisation;
  /** Where the YAML was read (`teams/`). */
  readonly teams: string;
  readonly source: Side;
  readonly target: Side;
  readonly from: number;
  readonly weeks: number;
}

export function rehearseCutover(plan: RehearsalPlan): RehearsalReport {
  const to = plan.from + plan.weeks * WEEK;
  const engine = new EngineTimelines(plan.org, plan.from, to, EngineTimelines.horizon(plan.org));
  return rehearse({ org: plan.org, sides: [plan.source, engineSide(plan.teams, engine), plan.target], from: plan.from, to });
}
