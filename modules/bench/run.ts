/**
 * `npm run bench`: measures, side by side in one run and on the same generated organisation, (a) YAML parse
 * alone vs full validate, (b) the pure plan vs registering with the Pulumi SDK under mocks, per resource,
 * (c) who / roster / a year of calendars, (d) the router vs a bare node:http server on loopback. Prints a
 * markdown table (median and spread over several runs, peak memory) and ends with one JSON line of figures.
 *   node dist/modules/bench/run.js [--squads 300] [--runs 5] [--router-seconds 3 (per round; --runs rounds)] [--sdk-resources 300]
 */
import { execFileSync, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import autocannon from 'autocannon';
import twilio from 'twilio';
import { analyse } from '../pipeline';
import { renderStack } from '../render/stack';
import { calendars } from '../schedule/calendar';
import { roster } from '../schedule/roster';
import { whoIsOnCall } from '../schedule/who';
import { withEnvironmentSnapshot } from '../spec/environment-snapshot';
import { generateOrganisation } from './generate';
import { summarise, time, type Timing } from './measure';
import { BENCH_PUBLIC_URL, BENCH_TOKEN } from './servers';

const NOW = Date.parse('2026-11-22T12:00:00+01:00');
const WEEK = 7 * 86_400_000;

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
  const out = execFileSync(process.execPath, ['--stack-trace-limit=0', join(__dirname, script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
}

async function server(kind: 'router' | 'bare', squads: number): Promise<{ url: string; stop: () => void }> {
  const proc = spawn(process.execPath, [join(__dirname, 'servers.js'), kind, String(squads)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    proc.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url, stop: () => proc.kill('SIGTERM') };
}

/** Median throughput over rounds; the worst p99 and all errors. */
function medianLoad(rounds: readonly { rps: number; p99: number; errors: number }[]): { rps: number; p99: number; errors: number } {
  return { rps: summarise(rounds.map((r) => r.rps)).median, p99: Math.max(...rounds.map((r) => r.p99)), errors: rounds.reduce((n, r) => n + r.errors, 0) };
}

async function load(url: string, seconds: number, body: string, headers: Record<string, string>): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url: `${url}/voice`, method: 'POST', body, headers, connections: 32, duration: seconds, pipelining: 1 });
  const p99 = (result.latency as unknown as Record<string, number>).p99 ?? result.latency.max;
  return { rps: result.requests.average, p99, errors: result.errors + result.non2xx + result.timeouts };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { squads: { type: 'string', default: '300' }, runs: { type: 'string', default: '5' }, 'router-seconds': { type: 'string', default: '3' }, 'sdk-resources': { type: 'string', default: '300' } } });
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
    withEnvironmentSnapshot(() => yamlTexts.forEach((t) => parseDocument(t, { lineCounter: new LineCounter(), uniqueKeys: true, version: '1.2' }))),
  );
  const validate = time(runs, () => analyse(tree, NOW));
  const validateRatio = validate.median / parse.median;
  rows.push({ measure: 'YAML parse alone', value: fmt(parse), target: '', ok: null });
  rows.push({ measure: 'validate (whole pipeline)', value: `${fmt(validate)}, ${validateRatio.toFixed(2)}× parse`, target: '≤ 3× parse, < 2 s', ok: validateRatio <= 3 && validate.median < 2000 });
  Object.assign(figures, { parseMs: parse.median, validateMs: validate.median, validateRatio });

  // (b) plan vs SDK registration
  let resources = 0;
  const plan = time(runs, () => {
    resources = renderStack(org, { name: 'bench', backend: 'pagerduty' }).resources.length;
  });
  const planPerResource = plan.median / resources;
  const sdk = child('sdk.js', [String(squads), String(values['sdk-resources'])]);
  const sdkPerResource = sdk.msPerResource ?? 0;
  const planRatio = sdkPerResource / planPerResource;
  rows.push({ measure: `plan (${resources} resources)`, value: `${fmt(plan)}, ${(planPerResource * 1000).toFixed(1)} µs/resource`, target: '< 3 s', ok: plan.median < 3000 });
  rows.push({ measure: `Pulumi SDK under mocks (${sdk.resources} resources)`, value: `${sdkPerResource.toFixed(2)} ms/resource, ${planRatio.toFixed(0)}× the plan`, target: 'plan ≥ 50× cheaper', ok: planRatio >= 50 });
  Object.assign(figures, { planMs: plan.median, resources, planUsPerResource: planPerResource * 1000, sdkMsPerResource: sdkPerResource, planRatio });

  // (c) who, roster, a year of calendars
  const who = time(runs, () => whoIsOnCall(org, NOW));
  const rosterTiming = time(runs, () => roster(org, NOW, NOW + 8 * WEEK));
  const year = time(Math.min(runs, 3), () => calendars(org, NOW, NOW + 52 * WEEK, new Date(NOW)));
  rows.push({ measure: `who (${org.rotations.size} rotations, one instant)`, value: fmt(who), target: '', ok: null });
  rows.push({ measure: 'roster, 8 weeks, every squad', value: fmt(rosterTiming), target: '', ok: null });
  rows.push({ measure: 'calendars for a year, every squad and person', value: fmt(year), target: '< 2 s', ok: year.median < 2000 });
  Object.assign(figures, { whoMs: who.median, rosterMs: rosterTiming.median, calendarYearMs: year.median });

  // (d) router vs bare node:http
  const seconds = Number(values['router-seconds']);
  const line = [...org.teams.values()].find((t) => t.phone)?.phone?.number ?? '';
  const params = { CallSid: 'CA1', From: '+33612345678', To: line };
  const body = new URLSearchParams(params).toString();
  // Both servers run side by side (the idle one costs nothing) and are loaded in turn, several rounds, so a
  // passing disturbance on the machine affects both alike; the medians are compared.
  const bare = await server('bare', squads);
  const router = await server('router', squads);
  const signature = twilio.getExpectedTwilioSignature(BENCH_TOKEN, `${BENCH_PUBLIC_URL}/voice`, params);
  const bareRounds: Awaited<ReturnType<typeof load>>[] = [];
  const routerRounds: Awaited<ReturnType<typeof load>>[] = [];
  try {
    for (let round = 0; round < runs; round++) {
      bareRounds.push(await load(bare.url, seconds, body, { 'content-type': 'application/x-www-form-urlencoded' }));
      routerRounds.push(await load(router.url, seconds, body, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }));
    }
  } finally {
    bare.stop();
    router.stop();
  }
  const bareLoad = medianLoad(bareRounds);
  const routerLoad = medianLoad(routerRounds);
  const routerRatio = routerLoad.rps / bareLoad.rps;
  rows.push({ measure: 'bare node:http (constant answer)', value: `${bareLoad.rps.toFixed(0)} req/s, worst p99 ${bareLoad.p99} ms`, target: '', ok: null });
  rows.push({ measure: 'router (signed voice webhook, request logs off)', value: `${routerLoad.rps.toFixed(0)} req/s (${routerRatio.toFixed(2)}× bare), worst p99 ${routerLoad.p99} ms, ${routerLoad.errors} errors`, target: '≥ 0.7× bare, p99 < 10 ms', ok: routerRatio >= 0.7 && routerLoad.p99 < 10 && routerLoad.errors === 0 });
  Object.assign(figures, { bareRps: bareLoad.rps, routerRps: routerLoad.rps, routerRatio, routerP99Ms: routerLoad.p99, routerErrors: routerLoad.errors });

  // Peak memory of validate + plan, in a fresh process.
  const memory = child('peak-memory.js', [String(squads)]);
  rows.push({ measure: 'peak memory, validate + plan', value: `${memory.maxRssMb} MB`, target: '< 1 GB', ok: (memory.maxRssMb ?? 0) < 1024 });
  Object.assign(figures, { peakMemoryMb: memory.maxRssMb ?? 0 });

  const pass = rows.every((r) => r.ok !== false);
  figures.allTargetsMet = pass;
  process.stdout.write(
    [
      `### Benchmark: ${squads} squads, ${people} people, ${alerts} alerts, ${resources} resources (median of ${runs} runs, min–max)`,
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

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
