import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { formatProblems } from '../format/problems';
import { pulumiProject, scaffold, slugOf, type ScaffoldOptions } from '../init/scaffold';
import { parseCommandArgs, stringOption } from '../args';
import { pathIn, type Io } from '../io';
import { loadTeamsDir } from '../load-teams';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { packageRoot } from '../version';
import { BACKENDS, type Backend } from '../../render/desired';
import { sourceTexts } from '../../spec/source';
import { closestMatch } from '../../core/suggest';

export const initUsage = `oncall init [--dir DIR] [--name ORGANISATION] [--squad ID] [--backend pagerduty,opsgenie,datadog]

Starts an on-call repository in DIR (default: the current folder): teams/org.yaml with three people to
replace, teams/<squad>/ with a weekly rotation starting this week, an escalation policy, a service and an
alert with its runbook, a stack file per backend in stacks/ (default pagerduty), the review and deploy
workflows in .github/workflows/, and, without a Pulumi.yaml, a Pulumi project whose program.js registers
the organisation. Then validates what it wrote. Refuses, writing nothing, when teams/ or
any of the files exists.`;

const WORKFLOWS = ['oncall-pull-request.yml', 'oncall-deploy.yml'];

export async function initCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    dir: { type: 'string', default: '.' },
    name: { type: 'string' },
    squad: { type: 'string', default: 'web' },
    backend: { type: 'string', default: 'pagerduty' },
  });
  const shown = stringOption(values, 'dir') ?? '.';
  const dir = pathIn(io, shown);
  const squad = stringOption(values, 'squad') ?? 'web';
  if (!/^[a-z][a-z0-9-]*$/.test(squad))
    throw new UsageError(`--squad must be an id: lower-case letters, digits and dashes (got \`${squad}\`)`);
  const backends = backendsOption(stringOption(values, 'backend') ?? 'pagerduty');
  const options: ScaffoldOptions = {
    organisation: stringOption(values, 'name') ?? titleOf(basename(resolve(io.cwd, dir))),
    squad,
    backends,
    start: lastMonday(io.now()),
    schemas: schemasFrom(join(dir, 'teams')),
  };
  const files = scaffold(options);
  // A repository that installs the package has no Pulumi project yet: the template's own is kept.
  if (!existsSync(join(dir, 'Pulumi.yaml'))) for (const [file, text] of pulumiProject(slugOf(options.organisation))) files.set(file, text);
  const root = packageRoot();
  for (const workflow of WORKFLOWS) {
    const source = root === undefined ? undefined : join(root, '.github', 'workflows', workflow);
    if (source !== undefined && existsSync(source)) files.set(`.github/workflows/${workflow}`, readFileSync(source, 'utf8'));
  }
  const teamsTaken = existsSync(join(dir, 'teams'));
  const taken = [
    ...(teamsTaken ? ['teams/'] : []),
    ...[...files.keys()].filter((f) => !(teamsTaken && f.startsWith('teams/')) && existsSync(join(dir, f))),
  ];
  if (taken.length > 0) {
    io.err(
      `oncall init: ${taken.map((f) => join(shown, f)).join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing was written`,
    );
    return EXIT_PROBLEMS;
  }
  writeAll(dir, files);
  io.out(`wrote ${[...files.keys()].map((f) => join(shown, f)).join(', ')}`);
  const teams = join(shown, 'teams');
  const result = loadTeamsDir(teams, io.now().getTime(), join(shown, 'stacks'), io);
  if (result.problems.length > 0)
    io.out(formatProblems('text', result.problems, sourceTexts(result.tree ?? { root: teams, files: new Map(), oversized: new Map() })));
  if (result.problems.some((p) => p.severity === 'error')) return EXIT_PROBLEMS;
  io.out(`${teams}: valid. Next: replace the people in ${join(teams, 'org.yaml')}, then \`npx oncall who\` and \`npx oncall validate\`.`);
  return EXIT_OK;
}

function backendsOption(text: string): Backend[] {
  const list = text.split(',').map((b) => b.trim());
  for (const b of list) {
    if (!(BACKENDS as readonly string[]).includes(b)) {
      const match = closestMatch(b, BACKENDS);
      throw new UsageError(
        `--backend: unknown backend \`${b}\`${match ? `; did you mean \`${match}\`?` : ''} (one or more of ${BACKENDS.join(', ')})`,
      );
    }
  }
  return [...new Set(list)] as Backend[];
}

/** `acme-corp` → `Acme corp`. */
function titleOf(folder: string): string {
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Acme' : words[0]!.toUpperCase() + words.slice(1);
}

/** The Monday before this week's: the rotation has begun, whatever the time of the first handoff. */
function lastMonday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).startOf('week').minus({ weeks: 1 }).toISODate() ?? '2026-01-05';
}

/** The schemas the editor reads: the repository's own, or the installed package's. */
export function schemasFrom(teams: string): string {
  const own = join(dirname(teams), 'schemas');
  if (existsSync(join(own, 'org.schema.json'))) return relative(teams, own);
  const root = packageRoot();
  return relative(teams, root === undefined ? join(dirname(teams), 'node_modules', 'oncall-as-code', 'schemas') : join(root, 'schemas'));
}

/** Every file written to a staging folder first, then moved into place: a failure leaves none of them. */
function writeAll(dir: string, files: ReadonlyMap<string, string>): void {
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(dir, '.oncall-init-'));
  try {
    for (const [file, text] of files) {
      mkdirSync(dirname(join(staging, file)), { recursive: true });
      writeFileSync(join(staging, file), text);
    }
    // teams/ moves as a whole; the stack and workflow files one by one, beside what those folders hold.
    renameSync(join(staging, 'teams'), join(dir, 'teams'));
    for (const file of files.keys()) {
      if (file.startsWith('teams/')) continue;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      renameSync(join(staging, file), join(dir, file));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
