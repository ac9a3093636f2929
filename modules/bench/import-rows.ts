/**
 * Bench rows of leaving Opsgenie: a generated organisation (300 squads, two standby rotations each: about 1,000
 * schedules; 56 alerts each: 15,000 Datadog monitors) rendered on an Opsgenie stack, published into an account as
 * the provider creates it, and served on 127.0.0.1 (import-servers.ts, in a child process). Measured, as a user
 * runs them: (a) `oncall import opsgenie` from the API (pages, as a real client) — read, observe + import, write
 * teams/; (b) `oncall import datadog-monitors` of the 15,000 monitors into that teams/; (c) `oncall migrate check`
 * of the account against a PagerDuty stack of the imported YAML over 52 weeks. The reference is one `validate` of
 * the generated organisation, measured in the same run. Runs on its own (the bench runs it as a child process,
 * so that its peak memory is its own):
 *   node dist/modules/bench/import-rows.js [--squads 300] [--runs 3] [--weeks 52]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATADOG } from '../backends/datadog/resources';
import type { Io } from '../cli/io';
import { main } from '../cli/main';
import type { AccountExport, AccountSource } from '../migrate/account';
import { ADAPTERS } from '../migrate/adapters';
import { importDatadogMonitors } from '../migrate/datadog-monitors/import';
import { readMonitorsAccount } from '../migrate/datadog-monitors/read';
import { writeImportedAlerts } from '../migrate/datadog-monitors/write';
import { writeExportDir } from '../migrate/export-dir';
import { teamsText, writeTeamsDir } from '../migrate/write-teams';
import { analyse } from '../pipeline';
import { renderStack } from '../render/stack';
import { readTeamsDir } from '../spec/read-dir';
import { publishMonitors } from './api/datadog-monitors-publish';
import { publishOpsgenie } from './api/opsgenie-publish';
import { generateOrganisation } from './generate';
import type { BenchRow, RowsAndFigures } from './hostile-rows';
import { IMPORT_KEYS, serveImportAccounts, type ImportServers } from './import-servers';
import { summarise, time, type Timing } from './measure';

const NOW = Date.parse('2026-11-22T12:00:00+01:00');

export interface ImportBenchOptions {
  readonly squads: number;
  /** Runs of the import and the monitors import (the rehearsal runs once: it is the long one). */
  readonly runs: number;
  readonly weeks: number;
  /** Serve the accounts from a child process (the bench) or from this one (the test: no build needed). */
  readonly childServers: boolean;
}

export interface ImportBenchResult extends RowsAndFigures {
  /** The rehearsal's verdict, for the test. */
  readonly rehearsal: {
    readonly exitCode: number;
    readonly mismatchingMinutes: number;
    readonly unreadable: number;
    readonly units: number;
  };
}

const ms = (t: Timing) => `${(t.median / 1000).toFixed(1)} s (${(t.min / 1000).toFixed(1)}–${(t.max / 1000).toFixed(1)})`;
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

async function childServers(opsgenieDir: string, monitorsFile: string): Promise<ImportServers> {
  const child = spawn(process.execPath, [join(__dirname, 'import-servers.js'), opsgenieDir, monitorsFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [opsgenie, datadog] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /URLS (\S+) (\S+)/.exec(out);
      if (m) resolve([m[1] as string, m[2] as string]);
    });
    child.on('exit', (code, signal) => reject(new Error(`the account servers exited with ${code ?? signal}`)));
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`bench: the account servers exited with ${code ?? signal}\n`);
  });
  return { opsgenie, datadog, close: async () => void child.kill('SIGTERM') };
}

/** The Datadog monitors and synthetic tests of a rendering, as the provider creates them (SLOs' burn-rate monitors aside). */
function monitorsOf(resources: ReturnType<typeof renderStack>['resources'], sloAlerts: ReadonlySet<string>) {
  const alerts = resources.filter(
    (r) => (r.type === DATADOG.monitor.type || r.type === DATADOG.synthetics.type) && !(r.origin && sloAlerts.has(r.origin.id)),
  );
  const published = publishMonitors(alerts);
  return { monitors: published.monitors, tests: published.tests };
}

export async function importRows(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const { squads, runs, weeks } = options;
  const tree = generateOrganisation({ squads, standbyRotations: 2, alertsPerSquad: 56 });
  const first = analyse(tree, NOW);
  const org = first.organisation;
  const invalid = first.problems.filter((p) => p.severity === 'error');
  if (!org || invalid.length > 0)
    throw new Error(`the generated organisation is not valid: ${invalid.map((p) => `${p.file}:${p.line} ${p.message}`).join('; ')}`);
  const validate = time(runs, () => analyse(tree, NOW));

  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-import-'));
  const rows: BenchRow[] = [];
  const figures: Record<string, number> = {};
  let servers: ImportServers | undefined;
  try {
    // The account: the organisation on an Opsgenie stack, as the provider creates it; its monitors on Datadog.
    const rendered = renderStack(org, { now: NOW, name: 'bench-opsgenie', backend: 'opsgenie' });
    const account: AccountExport = publishOpsgenie(org, rendered);
    writeExportDir(account, join(dir, 'opsgenie'));
    const slo = new Set([...org.alerts.values()].filter((a) => a.kind === 'slo').map((a) => a.id));
    const published = monitorsOf(rendered.resources, slo);
    writeFileSync(join(dir, 'monitors.json'), JSON.stringify(published));
    servers = options.childServers
      ? await childServers(join(dir, 'opsgenie'), join(dir, 'monitors.json'))
      : await serveImportAccounts(join(dir, 'opsgenie'), join(dir, 'monitors.json'));
    const count = (key: string) => account.endpoints.get(key)?.length ?? 0;
    const n = (key: string) => count(key).toLocaleString('en');
    const shape = `${n('teams')} teams, ${n('schedules')} schedules, ${n('users')} users`;

    // (a) `oncall import opsgenie`: read from the API, observe + import, write teams/ — each run into a new folder.
    const adapter = ADAPTERS.find((a) => a.command === 'opsgenie');
    if (!adapter) throw new Error('no Opsgenie adapter');
    const source: AccountSource = {
      kind: 'api',
      baseUrl: servers.opsgenie,
      headers: { Authorization: `GenieKey ${IMPORT_KEYS.opsgenie}` },
    };
    const read: number[] = [];
    const convert: number[] = [];
    const write: number[] = [];
    const total: number[] = [];
    const teamsDirs: string[] = [];
    for (let run = 0; run < runs; run++) {
      const teamsDir = join(dir, `run-${run}`, 'teams');
      teamsDirs.push(teamsDir);
      let t = process.hrtime.bigint();
      const exported = await adapter.read(source);
      read.push(elapsed(t));
      t = process.hrtime.bigint();
      const result = adapter.importTeams(adapter.observe(exported), { phones: false, now: NOW });
      convert.push(elapsed(t));
      t = process.hrtime.bigint();
      writeTeamsDir(teamsDir, teamsText(result.teams, { schemas: '../schemas', header: ['Imported by the benchmark.'] }).files);
      write.push(elapsed(t));
      total.push(read[run]! + convert[run]! + write[run]!);
    }
    const imported = analyse(readTeamsDir(teamsDirs[0]!), NOW);
    const importedErrors = imported.problems.filter((p) => p.severity === 'error').length;
    const importRss = rssMb();
    const importTime = summarise(total);
    const importRatio = importTime.median / validate.median;
    const stage = (samples: number[]) => (summarise(samples).median / 1000).toFixed(1);
    rows.push({
      measure: `reference: validate of the account's organisation (${squads} squads, ${org.rotations.size.toLocaleString('en')} rotations, ${org.alerts.size.toLocaleString('en')} alerts)`,
      value: `${validate.median.toFixed(0)} ms (${validate.min.toFixed(0)}–${validate.max.toFixed(0)})`,
      target: '',
      ok: null,
    });
    // The import reads one page per request, in turn, as the API's rate limits ask of a client; its target leaves it
    // within a minute for an account of this size, and within 30 validates of the organisation it writes.
    rows.push({
      measure: `import an Opsgenie account from its API on 127.0.0.1 (${shape}): read + observe, import + write teams/`,
      value: `${ms(importTime)}: read ${stage(read)} s, observe + import ${stage(convert)} s, write ${stage(write)} s; ${importRatio.toFixed(1)}× validate; imported YAML: ${importedErrors} errors; peak ${importRss} MB`,
      target: '< 60 s, ≤ 30× validate, 0 errors',
      ok: importTime.median < 60_000 && importRatio <= 30 && importedErrors === 0,
    });
    Object.assign(figures, {
      importValidateMs: validate.median,
      importMs: importTime.median,
      importReadMs: summarise(read).median,
      importConvertMs: summarise(convert).median,
      importWriteMs: summarise(write).median,
      importRatio,
      importErrors: importedErrors,
      importTeams: count('teams'),
      importSchedules: count('schedules'),
      importUsers: count('users'),
      importPeakMb: importRss,
    });

    // (b) `oncall import datadog-monitors` into each imported teams/ (the squads exist, the alerts do not yet).
    const importedOrg = imported.organisation;
    if (!importedOrg) throw new Error('the imported YAML is not valid');
    const monitorsSource: AccountSource = {
      kind: 'api',
      baseUrl: servers.datadog,
      headers: { 'DD-API-KEY': IMPORT_KEYS.ddApi, 'DD-APPLICATION-KEY': IMPORT_KEYS.ddApp },
    };
    let alertsImported = 0;
    let monitorFindings = 0;
    const monitorTimes: number[] = [];
    for (const teamsDir of teamsDirs) {
      const t = process.hrtime.bigint();
      const result = importDatadogMonitors(await readMonitorsAccount(monitorsSource), importedOrg, { runbookExists: () => false });
      writeImportedAlerts(teamsDir, result);
      monitorTimes.push(elapsed(t));
      alertsImported = [...result.alerts.values()].reduce((n, f) => n + Object.keys(f.alerts ?? {}).length, 0);
      monitorFindings = result.findings.length;
    }
    const monitorsTime = summarise(monitorTimes);
    const monitorsRatio = monitorsTime.median / validate.median;
    const monitorsRss = rssMb();
    // Linear in the monitors, a few passes each: within 20 validates of an organisation holding as many alerts.
    rows.push({
      measure: `import ${published.monitors.length.toLocaleString('en')} Datadog monitors (${published.tests.length} synthetic tests) from the API on 127.0.0.1 into the imported teams/`,
      value: `${ms(monitorsTime)}, ${monitorsRatio.toFixed(1)}× validate; ${alertsImported.toLocaleString('en')} alerts written, ${monitorFindings.toLocaleString('en')} findings; peak ${monitorsRss} MB`,
      target: '< 30 s, ≤ 20× validate, every monitor an alert',
      ok: monitorsTime.median < 30_000 && monitorsRatio <= 20 && alertsImported === published.monitors.length,
    });
    Object.assign(figures, {
      monitorsMs: monitorsTime.median,
      monitorsRatio,
      monitorsPublished: published.monitors.length,
      monitorsAlerts: alertsImported,
      monitorsFindings: monitorFindings,
      monitorsPeakMb: monitorsRss,
    });

    // (c) `oncall migrate check --from opsgenie:api --to <PagerDuty stack> --weeks 52`, once, on the first teams/.
    const stackFile = join(dir, 'stacks', 'Pulumi.bench-pagerduty.yaml');
    mkdirSync(join(dir, 'stacks'));
    writeFileSync(stackFile, 'config:\n  oncall:backend: pagerduty\n  oncall:pagerdutySubdomain: bench\n');
    const out: string[] = [];
    const errors: string[] = [];
    const io: Io = {
      out: (text) => out.push(text),
      err: (text) => errors.push(text),
      now: () => new Date(NOW),
      cwd: dir,
      env: { OPSGENIE_API_KEY: IMPORT_KEYS.opsgenie },
    };
    const argv = ['migrate', 'check', '--from', 'opsgenie:api', '--api-url', servers.opsgenie, '--to', stackFile];
    argv.push('--teams', teamsDirs[0]!, '--weeks', String(weeks), '--format', 'json');
    const t = process.hrtime.bigint();
    const exitCode = await main(argv, io);
    const rehearsalMs = elapsed(t);
    if (out.length === 0) throw new Error(`oncall migrate check printed nothing: ${errors.join('\n')}`);
    const report = JSON.parse(out.join('\n')) as {
      mismatchingMinutes: number;
      comparedMinutes: number;
      units: string[];
      unreadable: unknown[];
    };
    const rehearsalRss = rssMb();
    const rehearsalRatio = rehearsalMs / validate.median;
    // Three sides (account, YAML, PagerDuty rendering) of every squad and service, segment by segment: within five
    // minutes for a year of an account this size, and the verdict that counts: 0 mismatching minutes.
    rows.push({
      measure: `rehearsal, ${weeks} weeks: the Opsgenie account (API) vs the imported YAML vs its PagerDuty stack (${report.units.length} squads and services, exit ${exitCode})`,
      value: `${(rehearsalMs / 1000).toFixed(1)} s (1 run), ${rehearsalRatio.toFixed(0)}× validate; ${report.mismatchingMinutes.toLocaleString('en')} mismatching of ${report.comparedMinutes.toLocaleString('en')} minutes, ${report.unreadable.length} unreadable; peak ${rehearsalRss} MB`,
      target: '0 mismatching minutes, < 5 min',
      ok: exitCode === 0 && report.mismatchingMinutes === 0 && report.unreadable.length === 0 && rehearsalMs < 300_000,
    });
    Object.assign(figures, {
      rehearsalMs,
      rehearsalRatio,
      rehearsalMismatchingMinutes: report.mismatchingMinutes,
      rehearsalComparedMinutes: report.comparedMinutes,
      rehearsalUnits: report.units.length,
      rehearsalPeakMb: rehearsalRss,
    });
    return {
      rows,
      figures,
      rehearsal: {
        exitCode,
        mismatchingMinutes: report.mismatchingMinutes,
        unreadable: report.unreadable.length,
        units: report.units.length,
      },
    };
  } finally {
    await servers?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      squads: { type: 'string', default: '300' },
      runs: { type: 'string', default: '3' },
      weeks: { type: 'string', default: '52' },
    },
  });
  importRows({ squads: Number(values.squads), runs: Number(values.runs), weeks: Number(values.weeks), childServers: true })
    .then((r) => {
      for (const row of r.rows)
        process.stdout.write(`| ${row.measure} | ${row.value} | ${row.target} | ${row.ok === null ? '' : row.ok ? 'ok' : 'MISSED'} |\n`);
      process.stdout.write(`${JSON.stringify({ rows: r.rows, figures: r.figures })}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
}
