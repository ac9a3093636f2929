/**
 * What a stack deployed at a git ref: the organisation at that ref rendered with the stack file at that ref,
 * for the same instant as the head. A base that does not load is reported as such, never as "nothing".
 */
import type { Problem } from '../core/problem';
import { hasErrors } from '../core/problem';
import { loadOrganisation, type LoadResult } from '../model/load';
import type { Organisation } from '../model/types';
import type { DesiredResource, DesiredState } from '../render/desired';
import { renderStack, type StackSettings } from '../render/stack';
import { sourceTexts, type SourceTree } from '../spec/source';
import { parseStackFile, stackNameOf, type StackSpec } from '../spec/stacks';
import { NotInGit, readDirAtRef, readTreeAtRef } from './git-tree';

export type BaseDeployment =
  | {
      readonly kind: 'deployed';
      readonly organisation: Organisation;
      readonly stack: StackSpec;
      readonly state: DesiredState;
      readonly note?: string;
    }
  /** Nothing was deployed from the base: no stack file of that name, or no organisation, at that ref. */
  | { readonly kind: 'nothing'; readonly organisation?: Organisation; readonly note: string }
  | {
      readonly kind: 'broken';
      readonly what: string;
      readonly problems: readonly Problem[];
      readonly sources: ReadonlyMap<string, string>;
    };

export interface BaseRequest {
  readonly teamsDir: string;
  readonly teamsDisplay: string;
  readonly stacksDir: string;
  /** The stack as it is now: its settings stand for the base's when the stack files are not in git. */
  readonly stack: StackSpec;
  readonly ref: string;
  readonly now: number;
}

/** The teams directory at the ref, loaded (undefined when it has no file there). */
export interface BaseTeams {
  readonly tree: SourceTree;
  readonly loaded?: LoadResult;
}

export function baseTeams(teamsDir: string, ref: string, teamsDisplay: string): BaseTeams {
  const tree = readTreeAtRef(teamsDir, ref, teamsDisplay);
  return { tree, loaded: tree.files.size === 0 && tree.oversized.size === 0 ? undefined : loadOrganisation(tree) };
}

/** The stack files at the ref, or 'not in git' when the stacks directory is not in a repository. */
export function baseStacks(stacksDir: string, ref: string): SourceTree | 'not in git' {
  try {
    return readDirAtRef(stacksDir, ref, stacksDir, /^Pulumi\.[^/]+\.ya?ml$/);
  } catch (err) {
    if (err instanceof NotInGit) return 'not in git';
    throw err;
  }
}

function stackAtRef(tree: SourceTree | 'not in git', name: string): { tree: SourceTree; file?: string } | 'not in git' {
  if (tree === 'not in git') return tree;
  return { tree, file: [...tree.files.keys()].sort().find((f) => stackNameOf(f) === name) };
}

/**
 * `read`: the teams and stacks at the ref when already read (one pull-request check plans every stack with them).
 * `reuse`: resources of squads rendered at the head from the same inputs (see unchanged-squads.ts), taken when the
 * stack's settings are the same at the ref.
 */
export function baseDeployment(
  req: BaseRequest,
  read: { teams: BaseTeams; stacks: SourceTree | 'not in git' } = {
    teams: baseTeams(req.teamsDir, req.ref, req.teamsDisplay),
    stacks: baseStacks(req.stacksDir, req.ref),
  },
  reuse?: (squad: string) => readonly DesiredResource[] | undefined,
): BaseDeployment {
  const teams = read.teams.tree;
  const stacks = stackAtRef(read.stacks, req.stack.name);
  const loaded = read.teams.loaded;
  if (loaded && (hasErrors(loaded.problems) || !loaded.organisation)) {
    return {
      kind: 'broken',
      what: `the organisation at \`${req.ref}\``,
      problems: loaded.problems.filter((p) => p.severity === 'error'),
      sources: sourceTexts(teams),
    };
  }
  const organisation = loaded?.organisation;
  if (stacks === 'not in git') {
    if (!organisation) return { kind: 'nothing', note: `no organisation at ${req.ref}: everything is new` };
    const note = `${req.stacksDir} is not in git: the base is rendered with the stack file as it is now`;
    return { kind: 'deployed', organisation, stack: req.stack, state: renderStack(organisation, { ...req.stack, now: req.now }), note };
  }
  if (stacks.file === undefined)
    return { kind: 'nothing', organisation, note: `no stack \`${req.stack.name}\` at ${req.ref}: everything is new` };
  const display = `${req.stacksDir.replace(/\/+$/, '')}/${stacks.file}`;
  const parsed = parseStackFile(display, req.stack.name, stacks.tree.files.get(stacks.file) ?? '');
  if (hasErrors(parsed.problems) || !parsed.stack) {
    return {
      kind: 'broken',
      what: `the stack \`${req.stack.name}\` at \`${req.ref}\``,
      problems: parsed.problems.filter((p) => p.severity === 'error'),
      sources: new Map([[display, stacks.tree.files.get(stacks.file) ?? '']]),
    };
  }
  if (!organisation) return { kind: 'nothing', note: `no organisation at ${req.ref}: everything is new` };
  const settings: StackSettings = { ...parsed.stack, now: req.now };
  const sameSettings = JSON.stringify(renderSettings(parsed.stack)) === JSON.stringify(renderSettings(req.stack));
  return {
    kind: 'deployed',
    organisation,
    stack: parsed.stack,
    state: renderStack(organisation, settings, sameSettings ? reuse : undefined),
  };
}

/** What of a stack file changes how its squads render. */
function renderSettings(s: StackSpec): unknown {
  return [s.backend, s.teams ?? null, s.pagerdutySubdomain ?? null, s.opsgenieRegion ?? null, s.datadogApiUrl ?? null];
}

/** Why resources left a stack whose settings changed between the base and the head, if they did. */
export function stackChange(before: StackSpec, after: StackSpec): string | undefined {
  if (before.backend !== after.backend) return `the stack's backend changed from ${before.backend} to ${after.backend}`;
  const list = (s: StackSpec) => (s.teams ? [...s.teams].sort().join(',') : undefined);
  if (list(before) !== list(after)) return '`oncall:teams` of the stack changed';
  return undefined;
}
