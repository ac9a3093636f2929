/**
 * Opens an html page in headless Chromium (/usr/bin/chromium) with the test's own probe added to a copy of it: the
 * probe writes each chart's drawn size, the bars drawn, the errors logged and the resources the page fetched into
 * the DOM, which --dump-dom prints; the same page can then be screenshot. Only when ONCALL_BROWSER_TESTS=1 (the
 * browser is slow on a loaded machine).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const BROWSER_TESTS = process.env.ONCALL_BROWSER_TESTS === '1';
/** `it` when the browser tests are asked for, `it.skip` otherwise. */
export const browserIt: typeof it.skip = BROWSER_TESTS ? it : it.skip;

export interface Probed {
  /** `<svg id>:<width>x<height>` of each `svg.chart`, in order. */
  readonly sizes: string[];
  readonly bars: number;
  readonly errors: string[];
  /** URLs of every resource the page fetched (performance entries). */
  readonly requests: string[];
  /** Chromium's stderr lines about the page's console, uncaught errors and refused loads. */
  readonly console: string[];
  /** The DOM after the page loaded, as --dump-dom printed it (the probe's output included). */
  readonly dom: string;
  /** The probed copy of the page and its directory (removed with the test's other directories). */
  readonly page: string;
  readonly dir: string;
}

const PROBE = `<script>
window.__errors = [];
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
const error = console.error; console.error = (...a) => { window.__errors.push(a.join(' ')); error(...a); };
window.addEventListener('load', () => {
  const sizes = [...document.querySelectorAll('svg.chart')].map((s) => { const r = s.getBoundingClientRect(); return s.id + ':' + Math.round(r.width) + 'x' + Math.round(r.height); });
  const bars = document.querySelectorAll('svg.chart rect.bar').length;
  const requests = performance.getEntriesByType('resource').map((e) => e.name);
  const out = document.createElement('pre');
  out.id = 'probe-out';
  out.textContent = JSON.stringify({ sizes, bars, errors: window.__errors, requests });
  document.body.append(out);
});
</script>`;

function chromium(dir: string, page: string, extra: readonly string[]): { stdout: string; stderr: string } {
  const r = spawnSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Any host the page named would fail to resolve rather than be reached.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--enable-logging=stderr',
      '--v=0',
      '--virtual-time-budget=5000',
      `--user-data-dir=${join(dir, 'profile')}`,
      ...extra,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  );
  if (r.status !== 0) throw new Error(`chromium exited with ${String(r.status)}: ${r.stderr.slice(0, 2000)}`);
  return r;
}

export function openInChromium(html: string, dirs: string[]): Probed {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-html-'));
  dirs.push(dir);
  const page = join(dir, 'page.html');
  writeFileSync(page, html.replace('<head>', `<head>${PROBE}`));
  const { stdout: dom, stderr } = chromium(dir, page, ['--dump-dom']);
  const out = /<pre id="probe-out">([^<]*)<\/pre>/.exec(dom);
  if (!out) throw new Error('the probe did not run');
  const probed = JSON.parse(out[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Omit<Probed, 'console' | 'dom' | 'page' | 'dir'>;
  return { ...probed, console: stderr.split('\n').filter((l) => /CONSOLE|Uncaught|Refused to/.test(l)), dom, page, dir };
}

/** A 1300×900 screenshot of a page opened with openInChromium; the path of the PNG. */
export function screenshotInChromium(opened: Probed, name: string): string {
  const png = join(opened.dir, name);
  chromium(opened.dir, opened.page, ['--window-size=1300,900', `--screenshot=${png}`]);
  return png;
}

/** The page drew these charts (by `svg` id, in order), each with a size (wider than 100 px, taller than 30 px). */
export function expectChartsDrawn(probed: Probed, charts: readonly string[]): void {
  expect(probed.sizes.map((s) => s.split(':')[0])).toEqual(charts);
  for (const size of probed.sizes) {
    const [w, h] = size.split(':')[1]!.split('x').map(Number);
    expect(w, size).toBeGreaterThan(100);
    expect(h, size).toBeGreaterThan(30);
  }
}
