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

export interface Analysis {
  readonly organisation?: Organisation;
  readonly problems: readonly Problem[];
}

export function analyse(tree: SourceTree, now: number): Analysis {
  const loaded = loadOrganisation(tree);
  // Schedule checks need a sound model; with YAML errors they would only repeat them in other words.
  if (!loaded.organisation || hasErrors(loaded.problems)) return loaded;
  const problems = [...loaded.problems, ...scheduleProblems(loaded.organisation, now)];
  return { organisation: loaded.organisation, problems: sortProblems(uniqueProblems(problems)) };
}
