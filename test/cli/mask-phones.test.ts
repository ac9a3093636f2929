import { rmSync } from 'node:fs';
import { parsePhoneNumber } from 'libphonenumber-js/max';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../modules/core/problem';
import { maskPhonesInText } from '../../modules/core/mask-phones';
import { formatProblems, PROBLEM_FORMATS } from '../../modules/cli/format/problems';
import { fixtureTree, runCli, withEdit, writeTree } from '../helpers';

/** The fixture's alice, written in the forms people write numbers in. */
const ALICE = '+33639980101';
const WRITTEN = [
  '+33 6 39 98 01 01',
  '+33.6.39.98.01.01',
  '+33 (0)6 39 98 01 01',
  '06 39 98 01 01',
  '06.39.98.01.01',
  '+33-6-39-98-01-01',
  '33639980101',
];
/** The subscriber digits that must never be printed, with any separators between them. */
const SECRET = /3[^\d\n]{0,4}9[^\d\n]{0,4}9[^\d\n]{0,4}8[^\d\n]{0,4}0[^\d\n]{0,4}1/;

const problem = (message: string, line = 1, column = 1): Problem => ({
  file: 'teams/org.yaml',
  line,
  column,
  severity: 'error',
  code: 'value/invalid-phone',
  message,
});

describe('phone numbers in problems are masked, whatever their form', () => {
  it('libphonenumber-js reads each written form as the same number', () => {
    for (const w of WRITTEN.filter((x) => x !== '33639980101')) expect(parsePhoneNumber(w, 'FR').number).toBe(ALICE);
  });

  it.each(PROBLEM_FORMATS)('in the %s format: messages and quoted source lines', (format) => {
    for (const written of WRITTEN) {
      const source = `people:\n  alice: { name: Alice, phone: "${written}", pager: yes }\n`;
      const out = formatProblems(
        format,
        [problem(`\`${written}\` is not accepted here (call ${written})`, 2, 32)],
        new Map([['teams/org.yaml', source]]),
      );
      expect(out, `${format}: ${written}`).not.toMatch(SECRET);
      expect(out).toContain('01');
    }
  });

  it('the text format keeps the caret under its column after masking the line', () => {
    const source = 'people:\n  alice: { phone: "+33 6 39 98 01 01", pager: yes }\n';
    const column = source.split('\n')[1]!.indexOf('pager') + 1;
    const out = formatProblems('text', [problem('unknown key `pager`', 2, column)], new Map([['teams/org.yaml', source]])).split('\n');
    const quoted = out[1]!;
    const caret = out[2]!;
    expect(quoted).not.toMatch(SECRET);
    expect(quoted.indexOf('pager')).toBe(caret.indexOf('^'));
  });

  it('a number cut at the edge of a long quoted line is masked too', () => {
    const line = `key: "${'x'.repeat(185)} +33 6 39 98 01 01 ${'y'.repeat(2_000_000)}"`;
    const out = formatProblems('text', [problem('too long', 1, 1)], new Map([['teams/org.yaml', line]]));
    expect(out).not.toMatch(SECRET);
    expect(out).toContain('+33 6 ••');
  });

  it('a recognised number is shown in the project style, from its E.164 form', () => {
    expect(maskPhonesInText('call +33 6 39 98 01 01 now')).toBe('call +336••••••01 now');
    expect(maskPhonesInText('call 06 39 98 01 01 now', { defaultCountry: 'FR' })).toBe('call +336••••••01 now');
  });

  it('dates, times, offsets, durations, versions and sizes are left alone', () => {
    const text = 'from 2026-11-23 09:00 to 2026-12-07T18:00:00+01:00, offset +14:00, every 1h30m, 1.13.16, 4194304 bytes, line 12:5';
    expect(maskPhonesInText(text)).toBe(text);
    expect(maskPhonesInText(text, { defaultCountry: 'FR' })).toBe(text);
  });
});

describe('oncall validate masks the number in every format', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a number written with spaces, in an invalid place, is never echoed', async () => {
    const tree = withEdit('org.yaml', `phone: "${ALICE}" }`, 'phone: "+33 6 39 98 01 01", pager: "+33 6 39 98 01 01" }', fixtureTree());
    const dir = writeTree(tree);
    dirs.push(dir);
    for (const format of PROBLEM_FORMATS) {
      const run = await runCli(['validate', '--teams', dir, '--format', format]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout + run.stderr).toMatch(/pager/);
      expect(run.stdout + run.stderr, format).not.toMatch(SECRET);
    }
  });
});

describe('readiness findings are masked in every format, markdown included', () => {
  it.each(['text', 'json', 'markdown', 'github'] as const)('%s', (format) => {
    const finding: Problem = {
      file: 'teams/platform/team.yaml',
      line: 3,
      column: 1,
      severity: 'warning',
      code: 'alert/runbook',
      message: 'the runbook says to call +33 6 39 98 01 01',
      squad: 'platform',
    };
    const out = formatProblems(format, [finding], new Map(), { subject: 'all alerts' });
    expect(out).toContain('+336••••••01');
    expect(out).not.toMatch(SECRET);
  });
});
