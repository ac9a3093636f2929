/**
 * Reading a year of generated incidents back from each backend's API, served on 127.0.0.1 by a server that checks
 * every request and every answer against the vendor's description (extracts in test/fixtures/openapi/, sources in
 * its README), with small pages and some 429 answers; and from a directory of JSON exports of the same endpoints.
 * The oracle is the generated history (the truth the generator wrote, not a reading of any API).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExportDir } from '../../modules/migrate/export-dir';
import { INCIDENT_READERS, readIncidents } from '../../modules/reports/read-incidents';
import type { Backend } from '../../modules/render/desired';
import { SETUPS, SINCE, UNTIL, expected, lighterYearOfIncidents, serve } from './incident-fixture';

const history = lighterYearOfIncidents();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The reading tests of one backend (one file per backend: compiling a vendor's description takes seconds). */
export function describeReading(backend: Backend): void {
  describe(`${backend} incidents`, () => {
    const setup = SETUPS[backend];
    let api: Awaited<ReturnType<typeof serve>>;
    let headers: Record<string, string>;
    beforeAll(async () => {
      api = await serve(setup.spec, setup.handler(history));
      const auth = INCIDENT_READERS[backend].headersFromEnv(setup.env);
      if (!('headers' in auth)) throw new Error('no headers');
      headers = auth.headers;
    }, 60_000);
    afterAll(() => api.close());

    it('read from the API over a year give back the generated history, field by field, through small pages and 429s', async () => {
      const account = await INCIDENT_READERS[backend].readExport({ kind: 'api', baseUrl: api.url, headers }, SINCE, UNTIL);
      expect(api.violations).toEqual([]);
      expect(api.answered.throttled).toBeGreaterThan(0);
      expect(api.calls.length).toBeGreaterThan(history.incidents.length / 13);
      const records = INCIDENT_READERS[backend].records(account, SINCE, UNTIL);
      expect(records).toEqual(history.incidents.map((i) => expected(history, backend, i)));

      // The same endpoints saved as an export directory read the same.
      const dir = mkdtempSync(join(tmpdir(), `incidents-${backend}-`));
      dirs.push(dir);
      writeExportDir(account, dir);
      expect(await readIncidents(backend, { kind: 'dir', dir }, SINCE, UNTIL)).toEqual(records);
    });

    it('keeps only the incidents created in the window asked, across a clock change', async () => {
      // March 2026: New York moves its clocks on the 8th, Paris on the 29th.
      const from = Date.parse('2026-03-01T00:00:00-05:00');
      const to = Date.parse('2026-04-01T00:00:00-04:00');
      const records = await readIncidents(backend, { kind: 'api', baseUrl: api.url, headers }, from, to);
      const inside = history.incidents.filter((i) => i.record.createdAt >= from && i.record.createdAt < to);
      expect(inside.length).toBeGreaterThan(2);
      expect(records).toEqual(inside.map((i) => expected(history, backend, i)));
      expect(api.violations).toEqual([]);
    });

    it('names the variables missing from the environment', () => {
      const missing = INCIDENT_READERS[backend].headersFromEnv({});
      expect(missing).toEqual({
        missing:
          backend === 'datadog' ? ['DD_API_KEY', 'DD_APP_KEY'] : backend === 'pagerduty' ? ['PAGERDUTY_TOKEN'] : ['OPSGENIE_API_KEY'],
      });
    });
  });
}
