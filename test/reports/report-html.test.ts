/**
 * `oncall report incidents --format html`: one self-contained page with four inline SVG charts, each titled and
 * with its table; opened in headless Chromium (ONCALL_BROWSER_TESTS=1, /usr/bin/chromium) where the charts have
 * a size and the page logs no error.
 */
import { existsSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommandWith } from '../../modules/cli/commands/report';
import { browserIt, expectChartsDrawn, openInChromium, screenshotInChromium } from '../browser';
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

  browserIt(
    'opens in headless Chromium with its charts drawn and no console error',
    async () => {
      expect(existsSync('/usr/bin/chromium')).toBe(true);
      const probed = openInChromium(await html(), dirs);
      // Chromium logs the page's console messages and uncaught errors on stderr with --enable-logging.
      expect(probed.console.filter((l) => !/probe/.test(l))).toEqual([]);
      expect(probed.errors).toEqual([]);
      expectChartsDrawn(probed, CHARTS);
      expect(probed.bars).toBeGreaterThan(20);
      expect(existsSync(screenshotInChromium(probed, 'incidents.png'))).toBe(true);
    },
    200_000,
  );
});
