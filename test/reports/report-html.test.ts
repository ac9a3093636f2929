/**
 * `oncall report incidents --format html`: one self-contained page with four inline SVG charts, each titled and
 * with its table; opened in headless Chromium (ONCALL_BROWSER_TESTS=1, /usr/bin/chromium) where the charts have
 * a size and the page logs no error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommandWith } from '../../modules/cli/commands/report';
import { writeTree } from '../helpers';
import { captureIo, servedReader } from './cli-io';
import { generateHistory } from './history';
import { reportTree } from './report-org';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const CHARTS = ['response-times', 'pages-per-week', 'out-of-hours', 'target-compliance'];

async function html(): Promise<string> {
  const teams = writeTree(reportTree());
  dirs.push(teams);
  const records = generateHistory({
    backend: 'datadog',
    since: Date.parse('2026-01-01T00:00:00Z'),
    until: Date.parse('2026-04-01T00:00:00Z'),
    count: 150,
  });
  records.push({ ...records[0]!, id: 'X1', title: 'Call <b>+33639980101</b> & "quote"', team: 'Nobody', service: 'nothing', tags: [] });
  const c = captureIo(Date.parse('2026-05-01T00:00:00Z'));
  const args = [
    'incidents',
    '--since',
    '2026-01-01',
    '--until',
    '2026-04-01',
    '--from-dir',
    'x',
    '--backend',
    'datadog',
    '--format',
    'html',
    '--teams',
    teams,
  ];
  expect(await reportCommandWith(servedReader(records))(args, c.io)).toBe(0);
  return c.out();
}

describe('the html incidents report', () => {
  it('is one page with nothing fetched from elsewhere, four titled charts each with its table, no phone number', async () => {
    const page = await html();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<link|@import|url\(|(src|href)=/i);
    for (const id of CHARTS) {
      expect(page).toMatch(new RegExp(`<figure><svg id="${id}"[^>]* role="img" aria-labelledby="${id}-title"`));
      expect(page).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
    }
    expect((page.match(/<\/h2><figure><svg[\s\S]*?<figcaption><table>/g) ?? []).length).toBe(4);
    // Fourteen weeks, from Monday 29 December 2025 to Monday 30 March 2026.
    expect((page.match(/<tr><th scope="row">20\d\d-\d\d-\d\d<\/th>/g) ?? []).length).toBe(14);
    expect(page).not.toContain('39980101');
    expect(page).toContain('Call &lt;b&gt;+336');
    expect(page).toContain('&amp; &quot;quote&quot;');
  });

  const browser = process.env.ONCALL_BROWSER_TESTS === '1' ? it : it.skip;
  browser(
    'opens in headless Chromium with its charts drawn and no console error',
    async () => {
      expect(existsSync('/usr/bin/chromium')).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), 'oncall-incidents-html-'));
      dirs.push(dir);
      // The test's own probe, added to a copy of the page: it writes each chart's drawn size and any error into the DOM.
      const probe = `<script>
      window.__errors = [];
      window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
      const error = console.error; console.error = (...a) => { window.__errors.push(a.join(' ')); error(...a); };
      window.addEventListener('load', () => {
        const sizes = [...document.querySelectorAll('svg.chart')].map((s) => { const r = s.getBoundingClientRect(); return s.id + ':' + Math.round(r.width) + 'x' + Math.round(r.height); });
        const bars = document.querySelectorAll('svg.chart rect.bar').length;
        const out = document.createElement('pre');
        out.id = 'probe-out';
        out.textContent = JSON.stringify({ sizes, bars, errors: window.__errors });
        document.body.append(out);
      });
    </script>`;
      const page = join(dir, 'incidents.html');
      writeFileSync(page, (await html()).replace('<head>', `<head>${probe}`));
      const flags = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-logging=stderr',
        '--v=0',
        '--virtual-time-budget=5000',
        `--user-data-dir=${join(dir, 'profile')}`,
      ];
      const run = (extra: string[]) => {
        const r = spawnSync('/usr/bin/chromium', [...flags, ...extra, `file://${page}`], { encoding: 'utf8', timeout: 90_000 });
        expect(r.status, r.stderr.slice(0, 2000)).toBe(0);
        return { out: r.stdout, err: r.stderr };
      };
      const { out: dom, err } = run(['--dump-dom']);
      // Chromium logs the page's console messages and uncaught errors on stderr with --enable-logging.
      expect(err.split('\n').filter((l) => /CONSOLE|Uncaught|Refused to/.test(l) && !/probe/.test(l))).toEqual([]);
      const probed = JSON.parse(/<pre id="probe-out">([^<]*)<\/pre>/.exec(dom)![1]!.replace(/&quot;/g, '"')) as {
        sizes: string[];
        bars: number;
        errors: string[];
      };
      expect(probed.errors).toEqual([]);
      expect(probed.sizes.map((s) => s.split(':')[0])).toEqual(CHARTS);
      for (const size of probed.sizes) {
        const [w, h] = size.split(':')[1]!.split('x').map(Number);
        expect(w, size).toBeGreaterThan(100);
        expect(h, size).toBeGreaterThan(30);
      }
      expect(probed.bars).toBeGreaterThan(20);
      run(['--window-size=1300,900', `--screenshot=${join(dir, 'incidents.png')}`]);
      expect(existsSync(join(dir, 'incidents.png'))).toBe(true);
    },
    200_000,
  );
});
