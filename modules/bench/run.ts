/**
 * `npm run bench`: measures, side by side in one run and on the same generated organisation, (a) YAML parse
 * alone vs full validate, (b) the pure plan vs registering with the Pulumi SDK under mocks, per resource,
 * (c) who / roster / a year of calendars, (d) the router: judged by its p99 and errors under a bounded
 * concurrent load, and its throughput beside a bare node:http server on loopback (for information),
 * (e) hostile input: a fuzz run, one large file against split files, a long roster of an hourly rotation,
 * (f) cold start: `oncall validate` on the example as a process, against a bare `node -e 0`, and the pull-request
 * check (`oncall check --base`, one squad changed) against one validate (alone: dist/modules/bench/check-rows.js),
 * (g) `oncall report incidents` on a generated year served by PagerDuty's API on 127.0.0.1, and from its export
 * against reading the export alone (alone: dist/modules/bench/report-rows.js),
 * (h) leaving Opsgenie: importing an account of 300 teams, about 1,000 schedules and 15,000 Datadog monitors from
 * servers on 127.0.0.1, and a 52-week rehearsal of it, in a child process (alone: dist/modules/bench/import-rows.js).
 * Prints a markdown table (median and spread over several runs, peak memory) and ends with one JSON line of
 * figures. The router is loaded with Twilio's full voice webhook (judged) and a minimal one (for comparison).
 *   node dist/modules/bench/run.js [--squads 300] [--runs 5] [--router-seconds 3 (per round; --runs rounds)] [--sdk-resources 300]
 *     [--fuzz 10000] [--example DIR (default: teams/) --starts 10] [--hourly-members 500]
 *     [--import-squads 300 --import-runs 3 --import-weeks 52 | --skip-import]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { analyse } from '../pipeline';
import { renderStack } from '../render/stack';
import { calendars } from '../schedule/calendar';
import { roster } from '../schedule/roster';
import { whoIsOnCall } from '../schedule/who';
import { withEnvironmentSnapshot } from '../spec/environment-snapshot';
import { generateOrganisation } from './generate';
import { checkRows } from './check-rows';
import { reportRows } from './report-rows';
import { fuzzRows, hourlyRosterRows, largeFileRows, type RowsAndFigures } from './hostile-rows';
import { summarise, time, type Timing } from './measure';
import { BOUNDED, loadServer, pinLoadGenerator, startBenchServer, type LoadResult } from './router-load';
import { BENCH_PUBLIC_URL, BENCH_TOKEN } from './servers';
import { minimalWebhook, voiceWebhook } from './webhooks';

const NOW = Date.parse('2026-11-22T12:00:00+01:00');
const WEEK = 7 * 86_400_000;
/** The repository's root, from dist/modules/bench. */
const ROOT = join(__dirname, '..', '..', '..');

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  readonly ok: boolean | null;
}

function fmt(t: Timing): string {
  return `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
}

function child(script: string, args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, ['--stack-trace-limit=0', join(__dirname, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
}

/** The import rows, from the last line their process prints. */
function importRowsInChild(args: string[]): RowsAndFigures {
  const out = execFileSync(process.execPath, ['--stack-trace-limit=0', join(__dirname, 'import-rows.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as RowsAndFigures;
}

/** Median throughput and CPU per request over rounds; the worst p99 and all errors. */
function medianLoad(rounds: readonly LoadResult[]): { rps: number; p99: number; errors: number; cpuUs: number | undefined } {
  const cpus = rounds.map((r) => r.cpuUsPerRequest).filter((c): c is number => c !== undefined);
  return {
    rps: summarise(rounds.map((r) => r.rps)).median,
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    cpuUs: cpus.length === rounds.length ? summarise(cpus).median : undefined,
  };
}

const cpu = (load: { cpuUs: number | undefined }): string => (load.cpuUs === undefined ? '' : `${load.cpuUs.toFixed(1)} µs CPU/request, `);

/** The body and headers of a voice webhook as Twilio sends it, signed for the bench router. */
function signedRequest(params: Record<string, string>): { body: string; headers: Record<string, string> } {
  return {
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(BENCH_TOKEN, `${BENCH_PUBLIC_URL}/voice`, params),
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      squads: { type: 'string', default: '300' },
      runs: { type: 'string', default: '5' },
      'router-seconds': { type: 'string', default: '3' },
      'hourly-members': { type: 'string', default: '500' },
      'sdk-resources': { type: 'string', default: '300' },
      fuzz: { type: 'string', default: '10000' },
      example: { type: 'string', default: join(ROOT, 'teams') },
      starts: { type: 'string', default: '10' },
      'import-squads': { type: 'string', default: '300' },
      'import-runs': { type: 'string', default: '3' },
      'import-weeks': { type: 'string', default: '52' },
      'skip-import': { type: 'boolean', default: false },
    },
  });
  const squads = Number(values.squads);
  const runs = Number(values.runs);
  const rows: Row[] = [];
  const figures: Record<string, number | boolean> = { squads };

  const tree = generateOrganisation({ squads });
  const yamlTexts = [...tree.files].filter(([k]) => k.endsWith('.yaml')).map(([, v]) => v);
  const first = analyse(tree, NOW);
  const org = first.organisation;
  if (!org || first.problems.some((p) => p.severity === 'error')) throw new Error('the generated organisation is not valid');
  const people = org.people.size;
  const alerts = org.alerts.size;

  // (a) parse alone vs validate
  // Parsed under the same conditions as in validate (see environment-snapshot).
  const parse = time(runs, () =>
    withEnvironmentSnapshot(() =>
      yamlTexts.forEach((t) => parseDocument(t, { lineCounter: new LineCounter(), uniqueKeys: true, version: '1.2' })),
    ),
  );
  const validate = time(runs, () => analyse(tree, NOW));
  const validateRatio = validate.median / parse.median;
  rows.push({ measure: 'YAML parse alone', value: fmt(parse), target: '', ok: null });
  rows.push({
    measure: 'validate (whole pipeline)',
    value: `${fmt(validate)}, ${validateRatio.toFixed(2)}× parse`,
    target: '≤ 3× parse, < 2 s',
    ok: validateRatio <= 3 && validate.median < 2000,
  });
  Object.assign(figures, { parseMs: parse.median, validateMs: validate.median, validateRatio });

  // (b) plan vs SDK registration
  let resources = 0;
  const plan = time(runs, () => {
    resources = renderStack(org, { now: Date.now(), name: 'bench', backend: 'pagerduty' }).resources.length;
  });
  const planPerResource = plan.median / resources;
  const sdk = child('sdk.js', [String(squads), String(values['sdk-resources'])]);
  const sdkPerResource = sdk.msPerResource ?? 0;
  const planRatio = sdkPerResource / planPerResource;
  rows.push({
    measure: `plan (${resources} resources)`,
    value: `${fmt(plan)}, ${(planPerResource * 1000).toFixed(1)} µs/resource`,
    target: '< 3 s',
    ok: plan.median < 3000,
  });
  rows.push({
    measure: `Pulumi SDK under mocks (${sdk.resources} resources)`,
    value: `${sdkPerResource.toFixed(2)} ms/resource, ${planRatio.toFixed(0)}× the plan`,
    target: 'plan ≥ 50× cheaper',
    ok: planRatio >= 50,
  });
  Object.assign(figures, {
    planMs: plan.median,
    resources,
    planUsPerResource: planPerResource * 1000,
    sdkMsPerResource: sdkPerResource,
    planRatio,
  });

  // (c) who, roster, a year of calendars
  const who = time(runs, () => whoIsOnCall(org, NOW));
  const rosterTiming = time(runs, () => roster(org, NOW, NOW + 8 * WEEK));
  const year = time(Math.min(runs, 3), () => calendars(org, NOW, NOW + 52 * WEEK, new Date(NOW)));
  rows.push({ measure: `who (${org.rotations.size} rotations, one instant)`, value: fmt(who), target: '', ok: null });
  rows.push({ measure: 'roster, 8 weeks, every squad', value: fmt(rosterTiming), target: '', ok: null });
  rows.push({ measure: 'calendars for a year, every squad and person', value: fmt(year), target: '< 2 s', ok: year.median < 2000 });
  Object.assign(figures, { whoMs: who.median, rosterMs: rosterTiming.median, calendarYearMs: year.median });

  // (d) the router. Judged under a bounded concurrent load (p99 and errors: a phone line answers a few webhooks per
  // incident); its throughput beside a bare node:http server, loaded in turn with the same signed request over
  // several rounds so that a passing disturbance affects both alike, is reported for information.
  const seconds = Number(values['router-seconds']);
  const line = [...org.squads.values()].find((t) => t.phone)?.phone?.number ?? '';
  const caller = '+33612345678';
  const webhooks = [
    {
      key: '',
      label: `full voice webhook (${Object.keys(voiceWebhook(line, caller)).length} fields)`,
      params: voiceWebhook(line, caller),
      judged: true,
    },
    {
      key: 'Minimal',
      label: `minimal webhook (${Object.keys(minimalWebhook(line, caller)).length} fields)`,
      params: minimalWebhook(line, caller),
      judged: false,
    },
  ];
  const pinning = pinLoadGenerator();
  const bare = await startBenchServer('bare', squads, pinning);
  const router = await startBenchServer('router', squads, pinning);
  try {
    // A first round on a fresh process measures its compiler warming up, not the router: one unjudged second first.
    const warmUp = signedRequest(webhooks[0]!.params);
    for (const server of [bare, router]) await loadServer(server, Math.min(seconds, 1), warmUp.body, warmUp.headers);
    for (const webhook of webhooks) {
      const { body, headers } = signedRequest(webhook.params);
      const k = webhook.key;
      if (webhook.judged) {
        const bounded: LoadResult[] = [];
        for (let round = 0; round < runs; round++) bounded.push(await loadServer(router, seconds, body, headers, BOUNDED));
        const l = medianLoad(bounded);
        rows.push({
          measure: `router, ${webhook.label}, signed, ${BOUNDED.connections} connections at ${BOUNDED.rate} req/s`,
          value: `worst p99 ${l.p99} ms, ${l.errors} errors, ${l.rps.toFixed(0)} req/s`,
          target: 'p99 < 10 ms, 0 errors',
          ok: l.p99 < 10 && l.errors === 0,
        });
        Object.assign(figures, { routerP99Ms: l.p99, routerErrors: l.errors, routerBoundedRps: l.rps });
      }
      const bareRounds: LoadResult[] = [];
      const routerRounds: LoadResult[] = [];
      for (let round = 0; round < runs; round++) {
        bareRounds.push(await loadServer(bare, seconds, body, headers));
        routerRounds.push(await loadServer(router, seconds, body, headers));
      }
      const b = medianLoad(bareRounds);
      const r = medianLoad(routerRounds);
      const ratio = r.rps / b.rps;
      rows.push({
        measure: `bare node:http (constant answer), ${webhook.label}, as fast as it answers`,
        value: `${b.rps.toFixed(0)} req/s, ${cpu(b)}worst p99 ${b.p99} ms`,
        target: '',
        ok: null,
      });
      rows.push({
        measure: `router, ${webhook.label}, signed, request logs off, as fast as it answers`,
        value: `${r.rps.toFixed(0)} req/s (${ratio.toFixed(2)}× bare), ${cpu(r)}worst p99 ${r.p99} ms, ${r.errors} errors`,
        target: webhook.judged ? 'for information: ≥ 0.5× bare' : 'for comparison',
        ok: null,
      });
      Object.assign(figures, {
        [`bare${k}Rps`]: b.rps,
        [`router${k}Rps`]: r.rps,
        [`router${k}Ratio`]: ratio,
        [`router${k}SaturatedP99Ms`]: r.p99,
        [`router${k}SaturatedErrors`]: r.errors,
      });
      if (!webhook.judged) figures[`router${k}Errors`] = r.errors;
      if (b.cpuUs !== undefined && r.cpuUs !== undefined)
        Object.assign(figures, { [`bare${k}CpuUs`]: b.cpuUs, [`router${k}CpuUs`]: r.cpuUs });
    }
  } finally {
    bare.stop();
    router.stop();
    pinning?.restore();
  }
  figures.loadPinned = pinning !== undefined;

  // The pull-request check against one validate (a git repository of the same organisation).
  const pr = await checkRows(squads, runs);
  rows.push(...pr.rows);
  Object.assign(figures, pr.figures);

  // (g) the operations report on a year of incidents served by a backend's API, and from its export.
  const report = await reportRows(squads, Math.min(runs, 3));
  rows.push(...report.rows);
  Object.assign(figures, report.figures);

  // (e) hostile and outsized input
  for (const part of [
    fuzzRows(Number(values.fuzz)),
    largeFileRows(Math.max(600, squads * 20), 6, Math.min(runs, 3)),
    hourlyRosterRows(Math.min(runs, 3), Number(values['hourly-members'])),
  ]) {
    rows.push(...part.rows);
    Object.assign(figures, part.figures);
  }

  // (f) cold start: the CLI as a user starts it, against node itself, taken in turn so both see the same machine.
  const start = coldStart(values.example ?? join(ROOT, 'teams'), Number(values.starts));
  rows.push({
    measure: `cold start: \`oncall validate\` on ${start.label} (a process, exit ${start.exitCode})`,
    value: `${fmt(start.cli)}, ${start.ratio.toFixed(1)}× \`node -e 0\` (${fmt(start.node)})`,
    target: '≤ 4× `node -e 0`',
    ok: start.ratio <= 4,
  });
  Object.assign(figures, { coldStartMs: start.cli.median, nodeStartMs: start.node.median, coldStartRatio: start.ratio });

  // (h) leaving Opsgenie, in a process of its own (its peak memory is its own; the servers run in another).
  if (!values['skip-import']) {
    const runsOf = Math.min(runs, Number(values['import-runs']));
    const part = importRowsInChild([
      '--squads',
      String(values['import-squads']),
      '--runs',
      String(runsOf),
      '--weeks',
      String(values['import-weeks']),
    ]);
    rows.push(...part.rows);
    Object.assign(figures, part.figures);
  }

  // Peak memory of validate + plan, in a fresh process.
  const memory = child('peak-memory.js', [String(squads)]);
  rows.push({
    measure: 'peak memory, validate + plan',
    value: `${memory.maxRssMb} MB`,
    target: '< 1 GB',
    ok: (memory.maxRssMb ?? 0) < 1024,
  });
  Object.assign(figures, { peakMemoryMb: memory.maxRssMb ?? 0 });

  const pass = rows.every((r) => r.ok !== false);
  figures.allTargetsMet = pass;
  process.stdout.write(
    [
      `### Benchmark: ${squads} squads, ${people} people, ${alerts} alerts, ${resources} resources (median of ${runs} runs, min–max)`,
      '',
      figures.loadPinned
        ? 'Router load: servers and load generator pinned to separate CPUs.'
        : 'Router load: servers and load generator share the CPUs (no taskset, or one CPU).',
      '',
      '| measure | result | target | |',
      '| --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'} |`),
      '',
      JSON.stringify(figures),
      '',
    ].join('\n'),
  );
}

/** Wall time of one process, ms, and its exit code. */
function processTime(args: string[]): { ms: number; status: number | null } {
  const begin = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, ONCALL_NOW: '', NO_COLOR: '1' },
  });
  return { ms: Number(process.hrtime.bigint() - begin) / 1e6, status: result.status };
}

/** `oncall validate --teams DIR` and `node -e 0`, `n` times each in turn; their medians and ratio. */
function coldStart(dir: string, n: number): { cli: Timing; node: Timing; ratio: number; exitCode: number | null; label: string } {
  const cli: number[] = [];
  const bare: number[] = [];
  let exitCode: number | null = null;
  const bin = join(ROOT, 'bin', 'oncall.js');
  for (let i = 0; i < n; i++) {
    bare.push(processTime(['-e', '0']).ms);
    const run = processTime([bin, 'validate', '--teams', dir]);
    cli.push(run.ms);
    exitCode = run.status;
  }
  const c = summarise(cli);
  const b = summarise(bare);
  const label = dir === join(ROOT, 'teams') ? 'the example (teams/)' : dir;
  return { cli: c, node: b, ratio: c.median / b.median, exitCode, label };
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
