/**
 * `oncall-as-code/offline`: the organisation as data, without Pulumi — read and check a teams directory, say
 * who is on call, compute the desired state of a stack and compare two of them. What the `oncall` CLI runs.
 */
import { hasErrors, type Problem } from './core/problem';
import { formatProblemsText } from './core/problems-text';
import { analyse } from './pipeline';
import { readTeamsDir } from './spec/read-dir';
import { sourceTexts } from './spec/source';
import type { Organisation } from './model/types';

export { analyse, type Analysis } from './pipeline';
export { readTeamsDir } from './spec/read-dir';
export type { SourceTree } from './spec/source';
export { loadOrganisation } from './model/load';
export type * from './model/types';
export type { Code, Problem, Severity as ProblemSeverity } from './core/problem';
export { formatProblemsText } from './core/problems-text';
export { whoIsOnCall, type OnCall } from './schedule/who';
export { roster, type RosterRow } from './schedule/roster';
export { calendars, type CalendarFile } from './schedule/calendar';
export { renderStack as planStack, type StackSettings } from './render/stack';
export { diffStates, type StateDiff } from './render/diff';
export type { Backend, DesiredResource, DesiredState, Value } from './render/desired';

export interface LoadedTeams {
  /** Undefined when there is any error. */
  readonly organisation?: Organisation;
  /** Every problem, errors and warnings, positioned in the files. */
  readonly problems: readonly Problem[];
  /** The problems as `oncall validate` prints them. */
  readonly text: string;
}

/**
 * Reads and checks a teams directory as `oncall validate` does (without stacks): the organisation when it is
 * valid, and every problem. Throws only when the directory cannot be read at all.
 */
export function loadTeams(dir: string, now: number = Date.now()): LoadedTeams {
  const tree = readTeamsDir(dir);
  const { organisation, problems } = analyse(tree, now);
  return {
    organisation: hasErrors(problems) ? undefined : organisation,
    problems,
    text: formatProblemsText(problems, sourceTexts(tree)),
  };
}
