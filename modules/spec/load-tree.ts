/**
 * Reads every YAML file of a source tree: classifies it by location, parses it with positions and
 * checks it against its schema. Files that fail are reported and left out; the rest are returned typed.
 */
import type { Code, Problem } from '../core/problem';
import { displayPath, MAX_FILE_BYTES, type SourceTree } from './source';
import { withEnvironmentSnapshot } from './environment-snapshot';
import { parseYaml, type YamlFile } from './yaml-document';
import { parsedOnce } from './parse-cache';
import { schemaErrors } from './schema-validator';
import { schemaProblems } from './schema-problems';
import type { AlertsFileSpec, OrgSpec, SpecOf, TeamSpec } from './types';
import type { FileKind } from './schema';
import type { ErrorObject } from 'ajv';
import { suggestionField } from '../core/suggest';

export interface SpecFile<T> {
  readonly yaml: YamlFile;
  readonly spec: T;
}

export interface TeamFiles {
  /** The squad's id: its folder name. */
  readonly id: string;
  readonly team?: SpecFile<TeamSpec>;
  readonly alertFiles: ReadonlyArray<SpecFile<AlertsFileSpec>>;
}

export interface SpecTree {
  readonly tree: SourceTree;
  readonly org?: SpecFile<OrgSpec>;
  readonly teams: readonly TeamFiles[];
  readonly problems: readonly Problem[];
}

export const ORG_FILE = 'org.yaml';
export const TEAM_FILE = 'team.yaml';
/** Names the outputs use for themselves: the catalog's `index.md`, the status page's owner. */
export const RESERVED_SQUAD_IDS = ['index', 'organisation'] as const;

function fileProblem(file: string, code: Code, message: string, severity: 'error' | 'warning' = 'error'): Problem {
  return { file, line: 0, column: 0, severity, code, message };
}

/** Parses and checks every file of the tree against its schema. */
export function loadSpecTree(tree: SourceTree): SpecTree {
  return withEnvironmentSnapshot(() => readSpecTree(tree));
}

function readSpecTree(tree: SourceTree): SpecTree {
  const problems: Problem[] = [];
  for (const [rel, size] of tree.oversized) {
    problems.push(
      fileProblem(
        displayPath(tree, rel),
        'file/too-large',
        `file is ${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB. Split alerts into teams/<squad>/alerts/*.yaml`,
      ),
    );
  }

  const faults = tree.faults ?? new Map();
  for (const [rel, fault] of faults) {
    problems.push({
      file: displayPath(tree, rel),
      line: fault.line,
      column: fault.column,
      severity: 'error',
      code: fault.code,
      message: fault.message,
    });
  }

  // The type follows the kind whose schema accepted the file (types generated from the schemas).
  const read = <K extends FileKind>(rel: string, kind: K): SpecFile<SpecOf<K>> | undefined => {
    const text = tree.files.get(rel);
    if (text === undefined) return undefined;
    const file = displayPath(tree, rel);
    const result = parsedOnce(kind, file, text, () => readSpecFile(file, text, kind));
    problems.push(...result.problems);
    return result.spec;
  };

  const org = read(ORG_FILE, 'org');
  if (!tree.files.has(ORG_FILE) && !tree.oversized.has(ORG_FILE) && !faults.has(ORG_FILE)) {
    problems.push(
      fileProblem(displayPath(tree, ORG_FILE), 'file/missing-org', 'missing organisation file: create org.yaml with `name` and `people`'),
    );
  }

  const teamDirs = new Map<string, string[]>();
  // Files that exist but were not read count as present: they are reported once, as what they are.
  for (const rel of [...tree.files.keys(), ...tree.oversized.keys(), ...faults.keys()].sort()) {
    const parts = rel.split('/');
    if (parts.length === 1) {
      if (rel !== ORG_FILE && isYaml(rel)) {
        problems.push(
          fileProblem(
            displayPath(tree, rel),
            'file/unexpected',
            `unexpected file at the top of the teams directory; only ${ORG_FILE} and one folder per squad belong here`,
            'warning',
          ),
        );
      }
      continue;
    }
    const dir = parts[0] ?? '';
    teamDirs.set(dir, [...(teamDirs.get(dir) ?? []), parts.slice(1).join('/')]);
  }

  const teams: TeamFiles[] = [];
  for (const [dir, files] of teamDirs) {
    if (!files.some((f) => isYaml(f) || f.endsWith('.md'))) continue;
    const hasTeamFile = files.includes(TEAM_FILE);
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(dir)) {
      problems.push(
        fileProblem(
          displayPath(tree, `${dir}/`),
          'file/bad-folder',
          `squad folder \`${dir}\` is not an id: use lowercase letters, digits and single dashes`,
        ),
      );
      continue;
    }
    if ((RESERVED_SQUAD_IDS as readonly string[]).includes(dir)) {
      problems.push(
        fileProblem(
          displayPath(tree, `${dir}/`),
          'file/reserved-name',
          `\`${dir}\` cannot be a squad id: the catalog and the status page use this name (reserved: ${RESERVED_SQUAD_IDS.join(', ')}); rename the folder`,
        ),
      );
      continue;
    }
    if (!hasTeamFile) {
      const near = files.find((f) => /^team\.(yml|json)$/i.test(f) || /^teams?\.ya?ml$/i.test(f));
      problems.push({
        ...fileProblem(
          displayPath(tree, `${dir}/${TEAM_FILE}`),
          'file/missing-team',
          near ? `squad folder \`${dir}\` has \`${near}\` but no ${TEAM_FILE}` : `squad folder \`${dir}\` has no ${TEAM_FILE}`,
        ),
        ...suggestionField(near === undefined ? undefined : `rename it to \`${TEAM_FILE}\``),
      });
    }
    const team = hasTeamFile ? read(`${dir}/${TEAM_FILE}`, 'team') : undefined;
    const alertFiles: Array<SpecFile<AlertsFileSpec>> = [];
    for (const f of files) {
      if (f === TEAM_FILE || !isYaml(f)) continue;
      if (/^alerts\/[^/]+\.yaml$/.test(f)) {
        const spec = read(`${dir}/${f}`, 'alerts');
        if (spec) alertFiles.push(spec);
      } else if (!tree.oversized.has(`${dir}/${f}`) && !faults.has(`${dir}/${f}`) && !(f === 'team.yml' && !hasTeamFile)) {
        problems.push(
          fileProblem(
            displayPath(tree, `${dir}/${f}`),
            'file/unexpected',
            `not read: a squad folder holds ${TEAM_FILE}, alerts/*.yaml and runbooks`,
            f.endsWith('.yml') ? 'error' : 'warning',
          ),
        );
      }
    }
    teams.push({ id: dir, team, alertFiles });
  }
  return { tree, org, teams, problems };
}

/** One file parsed and checked against the schema of its kind: the typed file, or why it was left out. */
function readSpecFile<K extends FileKind>(file: string, text: string, kind: K): { problems: Problem[]; spec?: SpecFile<SpecOf<K>> } {
  const problems: Problem[] = [];
  if (text.includes('\u0000')) return { problems: [fileProblem(file, 'file/not-text', 'this is not a text file; expected YAML')] };
  const { parsed, problems: yamlProblems } = parseYaml(file, text);
  problems.push(...yamlProblems);
  if (!parsed) return { problems };
  if (parsed.value === null || parsed.value === undefined) {
    problems.push({ ...fileProblem(file, 'file/empty', `the file is empty; expected a ${kind} definition`), line: 1, column: 1 });
    return { problems };
  }
  const errors = schemaErrors(kind, parsed.value);
  if (errors.length === 0) return { problems, spec: { yaml: parsed, spec: parsed.value as SpecOf<K> } };
  problems.push(...schemaProblems(parsed, errors));
  // Keep checking the rest of the organisation when the only mistakes are unknown keys (typos):
  // the file is read without them, so its references are still checked and nothing is reported twice.
  const salvaged = withoutUnknownKeys(parsed.value, errors);
  if (salvaged !== undefined && schemaErrors(kind, salvaged).length === 0) {
    for (const e of errors) if (e.keyword === 'additionalProperties') parsed.salvaged.add(e.instancePath);
    return { problems, spec: { yaml: parsed, spec: salvaged as SpecOf<K> } };
  }
  return { problems };
}

/** A copy of `value` without the unknown keys ajv reported, or undefined when there are other errors. */
function withoutUnknownKeys(value: unknown, errors: readonly ErrorObject[]): unknown {
  const relevant = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  if (relevant.some((e) => e.keyword !== 'additionalProperties')) return undefined;
  const copy = structuredClone(value);
  for (const e of relevant) {
    const segments =
      e.instancePath === ''
        ? []
        : e.instancePath
            .slice(1)
            .split('/')
            .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = copy;
    for (const seg of segments) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    if (node !== null && typeof node === 'object')
      delete (node as Record<string, unknown>)[(e.params as { additionalProperty: string }).additionalProperty];
  }
  return copy;
}

function isYaml(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}
