/**
 * The one pipeline every command runs: source tree → organisation → schedule checks. `validate`
 * prints its problems; `who`, `roster`, `calendar`, `plan` and the Pulumi program use its organisation,
 * so they never start from a model that `validate` would reject.
 */
import { hasErrors, sortProblems, uniqueProblems, type Problem } from './core/problem';
import { loadOrganisation } from './model/load';
import type { Organisation } from './model/types';
import { scheduleProblems } from './schedule/checks';
import type { SourceTree } from './spec/source';
import type { StackSpec } from './spec/stacks';
import { backendProblems } from './render/backend-constraints';
import { nameClashProblems } from './render/name-clashes';
import { holidayBackendProblems } from './render/holiday-problems';

export interface Analysis {
  readonly organisation?: Organisation;
  readonly problems: readonly Problem[];
}

/**
 * `stacks` are the Pulumi stacks of the repository: each backend they use adds its constraints, so
 * what a backend cannot express is an error here rather than at `pulumi up`.
 */
export function analyse(
  tree: SourceTree,
  now: number,
  stacks: { stacks: readonly StackSpec[]; problems: readonly Problem[] } = { stacks: [], problems: [] },
): Analysis {
  const loaded = loadOrganisation(tree);
  const withStacks = [...loaded.problems, ...stacks.problems];
  // Schedule and backend checks need a sound model; with YAML errors they would only repeat them.
  if (!loaded.organisation || hasErrors(withStacks))
    return { organisation: loaded.organisation, problems: sortProblems(uniqueProblems(withStacks)) };
  const problems = [
    ...withStacks,
    ...nameClashProblems(loaded.organisation),
    ...scheduleProblems(loaded.organisation, now),
    ...backendProblems(loaded.organisation, stacks.stacks),
    ...holidayBackendProblems(loaded.organisation, stacks.stacks, now),
  ];
  return { organisation: loaded.organisation, problems: sortProblems(uniqueProblems(problems)) };
}
