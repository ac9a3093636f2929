/**
 * Bench rows of the pull-request check: the generated organisation in a git repository (a base commit, and a
 * head commit changing one squad's alert), `oncall check --base` in one run against one `oncall validate`
 * of the same organisation, and against `validate`, `readiness --base` and `plan --base` run one after the
 * other. Runs on its own: node dist/modules/bench/check-rows.js [--squads 300] [--runs 5]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli/io';
import { main } from '../cli/main';
import { generateOrganisation } from './generate';
import type { RowsAndFigures } from './hostile-rows';
import { summarise, timeAsync } from './measure';

const NOW = '2026-11-22T12:00:00+01:00';

export function repository(squads: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-check-'));
  const tree = generateOrganisation({ squads });
  for (const [rel, text] of tree.files) {
    mkdirSync(dirname(join(dir, 'teams', rel)), { recursive: true });
    writeFileSync(join(dir, 'teams', rel), text);
  }
  mkdirSync(join(dir, 'stacks'));
  writeFileSync(
    join(dir, 'stacks', 'Pulumi.bench.yaml'),
    'config:\n  oncall:backend: pagerduty\n  oncall:pagerdutySubdomain: bench\n  datadog:apiUrl: https://api.datadoghq.eu/\n',
  );
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const squad = Math.floor(squads / 2);
  const file = join(dir, 'teams', `squad-${squad}`, 'team.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(`title: Alert 1 of squad ${squad}`, `title: Alert 1 of squad ${squad}, renamed`);
  if (edited === text) throw new Error(`bench: the alert of squad ${squad} was not found in ${file}`);
  writeFileSync(file, edited);
  git('commit', '-qam', 'one squad changes');
  // A clone, as CI checks out, holds its objects packed; loose objects are each a file to open and inflate.
  git('repack', '-adq');
  return dir;
}

export async function checkRows(squads: number, runs: number): Promise<RowsAndFigures> {
  const dir = repository(squads);
  try {
    const codes: Record<string, number> = {};
    const io: Io = { out: () => undefined, err: () => undefined, now: () => new Date(NOW), cwd: dir, env: { ONCALL_NOW: NOW } };
    const run = async (name: string, argv: string[]) => {
      codes[name] = await main(argv, io);
    };
    const validateArgs = ['validate', '--format', 'github'];
    const separately = async () => {
      await run('validate', validateArgs);
      await run('readiness', ['readiness', '--base', 'HEAD~1', '--format', 'github']);
      await run('plan', ['plan', '--stack', 'bench', '--base', 'HEAD~1', '--format', 'markdown']);
    };
    const check = () => run('check', ['check', '--base', 'HEAD~1', '--annotations', 'github', '--comment', 'plan.md']);
    await check(); // warm-up: commands loaded, code optimised, as the other rows measure a running process
    const validate: number[] = [];
    const together: number[] = [];
    const three: number[] = [];
    // In turn, so that the machine's state affects all alike.
    for (let i = 0; i < runs; i++) {
      validate.push((await timeAsync(1, () => run('validate', validateArgs))).median);
      together.push((await timeAsync(1, check)).median);
      three.push((await timeAsync(1, separately)).median);
    }
    const v = summarise(validate);
    const c = summarise(together);
    const s = summarise(three);
    const ratio = c.median / v.median;
    const ms = (t: { median: number; min: number; max: number }) => `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
    return {
      rows: [
        {
          measure: `pull-request check, one squad changed (${squads} squads): \`check --base\` vs one \`validate\` (exits ${codes.check}, ${codes.validate})`,
          value: `${ms(c)} vs ${ms(v)}: ${ratio.toFixed(2)}×; validate + readiness + plan run separately: ${ms(s)} (${(s.median / v.median).toFixed(2)}×)`,
          target: '≤ 1.5× validate',
          ok: ratio <= 1.5,
        },
      ],
      figures: { checkMs: c.median, checkValidateMs: v.median, checkRatio: ratio, checkSeparateMs: s.median },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { squads: { type: 'string', default: '300' }, runs: { type: 'string', default: '5' } } });
  checkRows(Number(values.squads), Number(values.runs))
    .then((r) => {
      for (const row of r.rows) process.stdout.write(`| ${row.measure} | ${row.value} | ${row.target} | ${row.ok ? 'ok' : 'MISSED'} |\n`);
      process.stdout.write(`${JSON.stringify(r.figures)}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
}
