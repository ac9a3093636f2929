/**
 * Bench rows of the operations reports: a generated year of incidents of the generated organisation, served on
 * 127.0.0.1 by a backend's API handler (the same as the tests', without the vendors' descriptions), read by
 * `oncall report incidents --stack bench --api-url <server> --format json` in-process (client and server share
 * the process); then the same report from an export directory the reader wrote, against reading that export
 * alone (what the figures add to the reading). Runs on its own:
 *   node dist/modules/bench/report-rows.js [--squads 300] [--runs 3] [--backend pagerduty]
 * The history is kept small (about one page for every other alert): large enough to show what grows with it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli/io';
import { main } from '../cli/main';
import { writeExportDir } from '../migrate/export-dir';
import { analyse } from '../pipeline';
import { BACKENDS, type Backend } from '../render/desired';
import { incidentsReport } from '../reports/incident-figures';
import type { IncidentRecord } from '../reports/incident-record';
import { INCIDENT_READERS, readIncidents } from '../reports/read-incidents';
import { datadogIncidentsHandler } from './api/datadog-incidents';
import { serveApi, type ApiHandler } from './api/handler';
import { opsgenieIncidentsHandler } from './api/opsgenie-incidents';
import { pagerDutyIncidentsHandler } from './api/pagerduty-incidents';
import { generateOrganisation } from './generate';
import type { RowsAndFigures } from './hostile-rows';
import { generateIncidents } from './incidents/generate';
import type { IncidentHistory } from './incidents/history';
import { summarise, time, timeAsync, type Timing } from './measure';

const NOW = '2027-01-20T12:00:00+01:00';
// The year 2026 in Europe/Paris, the generated organisation's zone.
const SINCE = Date.parse('2025-12-31T23:00:00Z');
const UNTIL = Date.parse('2026-12-31T23:00:00Z');
const KEYS: Record<Backend, Record<string, string>> = {
  pagerduty: { PAGERDUTY_TOKEN: 'bench' },
  opsgenie: { OPSGENIE_API_KEY: 'bench' },
  datadog: { DD_API_KEY: 'bench', DD_APP_KEY: 'bench' },
};

function handler(backend: Backend, history: IncidentHistory): ApiHandler {
  if (backend === 'pagerduty') return pagerDutyIncidentsHandler(history);
  if (backend === 'opsgenie') return opsgenieIncidentsHandler(history);
  return datadogIncidentsHandler(history);
}

const ms = (t: Timing) => `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;

export async function reportRows(squads: number, runs: number, backend: Backend = 'pagerduty'): Promise<RowsAndFigures> {
  const tree = generateOrganisation({ squads });
  const org = analyse(tree, Date.parse(NOW)).organisation;
  if (!org) throw new Error('the generated organisation is not valid');
  // About one page per alert in two over the year (each squad has dozens of alerts), and the usual noisy bursts.
  const history = generateIncidents(org, { seed: 1, since: SINCE, until: UNTIL, pagesPerAlert: [0, 1] });
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-report-'));
  const server = await serveApi(handler(backend, history));
  try {
    for (const [rel, text] of tree.files) {
      mkdirSync(dirname(join(dir, 'teams', rel)), { recursive: true });
      writeFileSync(join(dir, 'teams', rel), text);
    }
    mkdirSync(join(dir, 'stacks'));
    writeFileSync(join(dir, 'stacks', 'Pulumi.bench.yaml'), `config:\n  oncall:backend: ${backend}\n`);
    let out = '';
    const codes: number[] = [];
    const io: Io = {
      out: (t) => void (out = t),
      err: () => undefined,
      now: () => new Date(NOW),
      cwd: dir,
      env: { ONCALL_NOW: NOW, ...KEYS[backend] },
    };
    const period = ['--since', '2026-01-01', '--until', '2027-01-01', '--format', 'json'];
    const report = async (source: string[]) => codes.push(await main(['report', 'incidents', ...period, ...source], io));
    // Once: a year read over HTTP takes seconds, and the export rows below are the ones compared.
    const overApi = await timeAsync(1, () => report(['--stack', 'bench', '--api-url', server.url]));
    const pages = (JSON.parse(out) as { pages: number }).pages;

    const keys = INCIDENT_READERS[backend].headersFromEnv(KEYS[backend]);
    if (!('headers' in keys)) throw new Error('no keys');
    writeExportDir(
      await INCIDENT_READERS[backend].readExport({ kind: 'api', baseUrl: server.url, headers: keys.headers }, SINCE, UNTIL),
      join(dir, 'export'),
    );
    const fromExport: number[] = [];
    const readingAlone: number[] = [];
    const figuresAlone: number[] = [];
    // In turn, so that the machine's state affects all alike.
    for (let i = 0; i < runs; i++) {
      let records: IncidentRecord[] = [];
      readingAlone.push(
        (
          await timeAsync(1, async () => {
            records = await readIncidents(backend, { kind: 'dir', dir: join(dir, 'export') }, SINCE, UNTIL);
          })
        ).median,
      );
      figuresAlone.push(time(1, () => incidentsReport(org, backend, records, SINCE, UNTIL)).median);
      fromExport.push((await timeAsync(1, () => report(['--from-dir', join(dir, 'export'), '--backend', backend]))).median);
    }
    const e = summarise(fromExport);
    const r = summarise(readingAlone);
    const f = summarise(figuresAlone);
    const ratio = e.median / r.median;
    const failed = codes.filter((c) => c !== 0).length;
    return {
      rows: [
        {
          measure: `report incidents, a year of ${history.incidents.length} ${backend} incidents (${pages} mapped) of ${squads} squads, over its API on 127.0.0.1 (exits ${failed === 0 ? 0 : 'not 0'})`,
          value: ms(overApi),
          target: '< 60 s',
          ok: failed === 0 && overApi.median < 60_000,
        },
        {
          measure: `report incidents from the export directory (the organisation loaded and checked, the export read, the figures) vs reading the export alone`,
          value: `${ms(e)} vs ${ms(r)}: ${ratio.toFixed(2)}×; the figures alone: ${ms(f)}`,
          target: 'for information',
          ok: null,
        },
      ],
      figures: {
        reportIncidents: history.incidents.length,
        reportOverApiMs: overApi.median,
        reportFromExportMs: e.median,
        reportExportReadMs: r.median,
        reportExportRatio: ratio,
        reportFiguresMs: f.median,
      },
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      squads: { type: 'string', default: '300' },
      runs: { type: 'string', default: '3' },
      backend: { type: 'string', default: 'pagerduty' },
    },
  });
  const backend = (BACKENDS as readonly string[]).includes(values.backend!) ? (values.backend as Backend) : 'pagerduty';
  reportRows(Number(values.squads), Number(values.runs), backend)
    .then((r) => {
      for (const row of r.rows)
        process.stdout.write(`| ${row.measure} | ${row.value} | ${row.target} | ${row.ok === null ? '' : row.ok ? 'ok' : 'MISSED'} |\n`);
      process.stdout.write(`${JSON.stringify(r.figures)}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
}
