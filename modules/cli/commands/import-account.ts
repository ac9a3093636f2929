/**
 * `oncall import pagerduty|opsgenie|datadog-oncall`: reads an account (its API with a read-only key from the
 * environment, or a directory of JSON exports), writes teams/ and the import report, validates what it wrote
 * as `oncall validate` does, and, given a stack on the account's own backend, writes the bulk-import file and
 * checks that the first plan after import changes nothing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { hasErrors } from '../../core/problem';
import type { AccountAdapter, AccountExport, AccountSource, ImportResult, ObservedState } from '../../migrate/account';
import { adoptionOf, changesNothing, type Adoption } from '../../migrate/adoption';
import { bulkImportFile, importFileText } from '../../migrate/bulk-import';
import { ExportDirError, writeExportDir } from '../../migrate/export-dir';
import { ApiError } from '../../migrate/http';
import {
  BACKEND_NAMES,
  DYNAMIC_ADOPTION,
  differenceLine,
  differences,
  importReport,
  importReportJson,
  importReportMarkdown,
} from '../../migrate/import-report';
import { renameObserved } from '../../migrate/rename';
import { existingFiles, teamsText, TeamsWriteError, writeTeamsDir } from '../../migrate/write-teams';
import { renderStack } from '../../render/stack';
import type { Backend } from '../../render/desired';
import { sourceTexts } from '../../spec/source';
import { parseStackFile, stackNameOf, type StackSpec } from '../../spec/stacks';
import { parseCommandArgs, stringOption } from '../args';
import { formatProblems } from '../format/problems';
import { valueChanges } from '../format/value-changes';
import { providerVersions } from '../import/provider-versions';
import { pathIn, type Io } from '../io';
import { loadTeamsDir, stacksBeside } from '../load-teams';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { schemasFrom } from './init';
import { stackFileOf } from '../stack-file';
import { PROGRAM_COMPONENT } from '../../pulumi/scoped-names';

export function importAccountUsage(command: string): string {
  return `oncall import ${command} [--api-url URL | --from-dir DIR] [--teams DIR] [--phones] [--report FILE] [--save-export DIR] [--stack FILE [--bulk-import FILE [--component NAME]]]

Reads the account and writes DIR (default teams): org.yaml, <squad>/team.yaml and <squad>/alerts/imported.yaml,
then validates them as \`oncall validate\` does. Never replaces a file: refuses, writing nothing, when one exists.
  --api-url URL      the API's base URL (default: the vendor's); the key comes from the environment only
  --from-dir DIR     read a directory of JSON exports (<endpoint>.json) instead of the API: offline
  --save-export DIR  also write what was read as such a directory
  --phones           import phone numbers (left out by default: personal data)
  --report FILE      the import report in markdown (FILE) and JSON (FILE with .json); default:
                     oncall-import-${command}.md and .json beside DIR
  --stack STACK      a stack on the account's own backend, by name (Pulumi.<name>.yaml in --stacks, default
                     stacks/ beside DIR) or file: checks that its
                     first plan after import changes nothing, and lists each difference otherwise (exit 1)
  --bulk-import FILE with --stack: the file of \`pulumi import --file FILE\`, mapping each planned resource to
                     the account's id
  --component NAME   the name the Pulumi program gives \`OnCallOrganisation\` (default: organisation, as the
                     program of this repository and of \`oncall init\` name it)
See docs/import.md.`;
}

/** A file written whole: aside, then renamed into place. */
export function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const aside = `${path}.oncall-${process.pid}.tmp`;
  writeFileSync(aside, text);
  renameSync(aside, path);
}

const inside = (dir: string, path: string) => {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The stack file given with --stack, checked: its settings and its backend (the account's). */
function stackOption(io: Io, given: string, stacksDir: string, adapter: AccountAdapter): StackSpec {
  const file = stackFileOf(given, stacksDir, io);
  const path = pathIn(io, file);
  if (!existsSync(path)) throw new UsageError(`--stack \`${file}\` does not exist: give a stack file (stacks/Pulumi.<stack>.yaml)`);
  const name = stackNameOf(basename(path)) ?? basename(path).replace(/\.ya?ml$/, '');
  const parsed = parseStackFile(file, name, readFileSync(path, 'utf8'));
  if (!parsed.stack) {
    throw new UsageError(`--stack \`${file}\`: ${parsed.problems.map((p) => p.message).join('; ') || 'not a stack file'}`);
  }
  if (parsed.stack.backend !== adapter.backend) {
    throw new UsageError(
      `--stack \`${file}\` is on ${parsed.stack.backend}, the account on ${adapter.backend}: adoption needs a stack on the account's own backend`,
    );
  }
  return parsed.stack;
}

export async function importAccountCommand(adapter: AccountAdapter, argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    'api-url': { type: 'string' },
    'from-dir': { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    phones: { type: 'boolean' },
    report: { type: 'string' },
    'save-export': { type: 'string' },
    stack: { type: 'string' },
    stacks: { type: 'string' },
    'bulk-import': { type: 'string' },
    component: { type: 'string' },
  });
  const teams = stringOption(values, 'teams') ?? 'teams';
  const teamsPath = pathIn(io, teams);
  const fromDir = stringOption(values, 'from-dir');
  const apiUrl = stringOption(values, 'api-url');
  const stackFile = stringOption(values, 'stack');
  const bulkFile = stringOption(values, 'bulk-import');
  if (fromDir !== undefined && apiUrl !== undefined)
    throw new UsageError('--from-dir reads no API: give --from-dir or --api-url, not both');
  const component = stringOption(values, 'component') ?? PROGRAM_COMPONENT;
  if (!/^[A-Za-z0-9_.-]+$/.test(component))
    throw new UsageError(`--component \`${component}\` is not a Pulumi resource name the program could give`);
  if (values.component !== undefined && bulkFile === undefined)
    throw new UsageError('--component goes with --bulk-import: it names the resources of that file');
  if (bulkFile !== undefined && stackFile === undefined)
    throw new UsageError("--bulk-import goes with --stack: the file maps that stack's resources");
  const reportMd = stringOption(values, 'report') ?? join(dirname(teams.replace(/\/+$/, '') || '.'), `oncall-import-${adapter.command}.md`);
  const reportJson = `${reportMd.replace(/\.md$/i, '')}.json`;
  for (const [flag, path] of [
    ['--report', reportMd],
    ['--bulk-import', bulkFile],
    ['--save-export', stringOption(values, 'save-export')],
  ] as const) {
    if (path !== undefined && inside(teamsPath, pathIn(io, path)))
      throw new UsageError(`${flag} \`${path}\` is inside the teams directory: write it elsewhere`);
  }
  const stack =
    stackFile === undefined
      ? undefined
      : stackOption(io, stackFile, stringOption(values, 'stacks') ?? stacksBeside(teams, io.cwd), adapter);

  let source: AccountSource;
  let shownSource: string;
  if (fromDir !== undefined) {
    if (!existsSync(pathIn(io, fromDir))) throw new UsageError(`--from-dir \`${fromDir}\` does not exist`);
    source = { kind: 'dir', dir: pathIn(io, fromDir) };
    shownSource = `the export directory \`${fromDir}\``;
  } else {
    const env = adapter.headersFromEnv(io.env as NodeJS.ProcessEnv);
    if ('missing' in env) {
      throw new UsageError(
        `set ${env.missing.join(' and ')} in the environment (a read-only key: keys are never read from the command line), or read an export with --from-dir`,
      );
    }
    const baseUrl = apiUrl ?? adapter.defaultBaseUrl;
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(`--api-url \`${baseUrl}\` is not a URL`);
    }
    if (url.username !== '' || url.password !== '')
      throw new UsageError('--api-url must not carry credentials: keys come from the environment');
    source = { kind: 'api', baseUrl, headers: env.headers };
    shownSource = `${url.origin}${url.pathname.replace(/\/$/, '')}`;
  }

  // Refused before reading anything when the organisation file is already there.
  const early = existingFiles(teamsPath, ['org.yaml']);
  if (early.length > 0) {
    io.err(`oncall import: ${join(teams, 'org.yaml')} already exists: nothing was read or written (import into a new folder with --teams)`);
    return EXIT_PROBLEMS;
  }

  const now = io.now();
  let account: AccountExport;
  try {
    account = await adapter.read(source);
  } catch (err) {
    if (err instanceof ApiError || err instanceof ExportDirError) {
      io.err(`oncall import ${adapter.command}: ${err.message}`);
      return EXIT_PROBLEMS;
    }
    throw err;
  }
  const saveExport = stringOption(values, 'save-export');
  if (saveExport !== undefined) {
    writeExportDir(account, pathIn(io, saveExport));
    io.out(`wrote the export to ${saveExport} (${account.endpoints.size} endpoint${account.endpoints.size === 1 ? '' : 's'})`);
  }
  const observed: ObservedState = adapter.observe(account);
  const result: ImportResult = adapter.importTeams(observed, { phones: values.phones === true, now: now.getTime() });

  const readAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const name = BACKEND_NAMES[adapter.backend];
  const text = teamsText(result.teams, {
    schemas: schemasFrom(teamsPath),
    header: [
      `Imported from ${name} (${shownSource}) at ${readAt} by \`oncall import ${adapter.command}\`: review it, then it is yours to edit.`,
    ],
  });
  try {
    writeTeamsDir(teamsPath, text.files);
  } catch (err) {
    if (err instanceof TeamsWriteError) {
      io.err(`oncall import: ${err.message.split(teamsPath).join(teams)}`);
      return EXIT_PROBLEMS;
    }
    throw err;
  }
  const files = [...text.files.keys()];
  io.out(`wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${teams}: ${files.join(', ')}`);

  // Validated as `oncall validate` does: with the stacks beside the teams directory, or with the stack given.
  const stacksDir = stack === undefined ? stacksBeside(teams, io.cwd) : dirname(pathIn(io, stack.file));
  const loaded = loadTeamsDir(teams, now.getTime(), stacksDir, io, stack?.name);
  const problems = loaded.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (problems.length > 0)
    io.out(formatProblems('text', problems, sourceTexts(loaded.tree ?? { root: teams, files: new Map(), oversized: new Map() })));

  let adoption: { stack: string; bulkImportFile?: string; adoption: Adoption } | undefined;
  if (stack !== undefined) {
    if (hasErrors(problems) || !loaded.organisation) {
      io.out(`The stack \`${stack.name}\` cannot be planned on YAML with errors: no adoption check, no bulk-import file.`);
    } else {
      const planned = renderStack(loaded.organisation, { ...stack, now: now.getTime() });
      const a = adoptionOf(planned, renameObserved(observed, result.links));
      if (bulkFile !== undefined) {
        writeWhole(pathIn(io, bulkFile), importFileText(bulkImportFile(a.imported, providerVersions(io.cwd), component)));
      }
      adoption = { stack: stack.name, ...(bulkFile === undefined ? {} : { bulkImportFile: bulkFile }), adoption: a };
      io.out(adoptionText(stack.name, adapter.backend, a, bulkFile));
    }
  }

  const report = importReport(
    {
      backend: adapter.backend,
      source: shownSource,
      readAt,
      teamsDir: teams,
      files,
      observed,
      result,
      unplaced: text.unplaced,
      validation: { errors, warnings: problems.length - errors },
      ...(adoption === undefined ? {} : { adoption }),
    },
    valueChanges,
  );
  writeWhole(pathIn(io, reportMd), importReportMarkdown(report));
  writeWhole(pathIn(io, reportJson), importReportJson(report));
  const counts = Object.entries(report.counts.yaml)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  io.out(
    `imported ${counts}; ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}: see ${reportMd} (and ${reportJson})`,
  );
  if (errors > 0) return EXIT_PROBLEMS;
  // A difference is a change the first `pulumi up` would make to an adopted object.
  if (adoption !== undefined && adoption.adoption.diff.update.length + adoption.adoption.diff.replace.length > 0) return EXIT_PROBLEMS;
  return EXIT_OK;
}

/** The no-change check, for the terminal: the verdict, or each difference path by path. */
export function adoptionText(stack: string, backend: Backend, a: Adoption, bulkFile: string | undefined): string {
  const out: string[] = [];
  const changed = a.diff.update.length + a.diff.replace.length;
  if (changesNothing(a)) out.push(`Stack ${stack}: the first plan after import changes nothing.`);
  else if (changed === 0) out.push(`Stack ${stack}: the first plan after import changes no imported resource.`);
  else out.push(`Stack ${stack}: the first plan after import changes ${changed} resource${changed === 1 ? '' : 's'} (account → plan):`);
  // As the report lists them: path by path, masked as every output but the provider's.
  out.push(...differences(a.diff, valueChanges).map((d) => `  ~ ${differenceLine(d)}`));
  if (a.created.length > 0) {
    out.push(`Created by the first \`pulumi up\` (nothing in the account stands for them): ${a.created.length}`);
    out.push(...a.created.map((r) => `  + ${r.name}`));
  }
  if (a.adoptedOnCreate.length > 0)
    out.push(
      `Registered by the first \`pulumi up\` (Pulumi cannot import them; ${DYNAMIC_ADOPTION[backend]}): ${a.adoptedOnCreate.map((x) => x.planned.name).join(', ')}`,
    );
  if (a.leftAlone.length > 0) out.push(`Left alone (in the account, not in the stack): ${a.leftAlone.length}`);
  out.push(
    bulkFile === undefined
      ? `${a.imported.length} resource${a.imported.length === 1 ? '' : 's'} to adopt: write the file of \`pulumi import\` with --bulk-import FILE.`
      : `wrote ${bulkFile}: ${a.imported.length} resource${a.imported.length === 1 ? '' : 's'} to adopt with \`pulumi import --file ${bulkFile} --generate-code=false\`, then \`pulumi preview\`.`,
  );
  return out.join('\n');
}
