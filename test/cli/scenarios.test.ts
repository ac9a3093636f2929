/** Runs every scenario of test/cli/scenarios/*.txt in-process, in the tests' own repository. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers';
import { parseScenarios, splitArgs, type Scenario } from './scenarios';

const DIR = join(__dirname, 'scenarios');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

for (const file of files) {
  describe(file, () => {
    const scenarios = parseScenarios(file, readFileSync(join(DIR, file), 'utf8'));
    it.each(scenarios.map((s): [string, Scenario] => [`${s.line}: oncall ${s.args.join(' ')}`, s]))('%s', async (_, s) => {
      const run = await runCli(s.args, undefined, s.env);
      const where = `${s.file}:${s.line}`;
      for (const e of s.expectations) {
        const actual = run[e.stream];
        if (e.kind === 'has') expect(actual, `${where}: ${e.stream}`).toContain(e.text);
        else if (e.kind === 'lacks') expect(actual, `${where}: ${e.stream}`).not.toContain(e.text);
        else if (e.kind === 'matches') expect(actual, `${where}: ${e.stream}`).toMatch(e.pattern);
        else expect(actual, `${where}: ${e.stream}`).toBe(e.text);
      }
      expect(run.code, `${where}: exit code (stderr: ${run.stderr.slice(0, 500)})`).toBe(s.exit);
    });
  });
}

describe('the scenario format', () => {
  it('reads commands, environment, exit codes and every kind of expectation', () => {
    const [s] = parseScenarios(
      'x.txt',
      "# c\n$ oncall who --at '2026-03-30 09:30' --format json\nenv ONCALL_NOW=2026-01-01T00:00:00Z\nexit 2\nstdout has a b\nstderr lacks c\nstdout matches /^x$/m\nstderr is empty\nstdout:\n| one\n|\n| three\n",
    );
    expect(s).toEqual({
      file: 'x.txt',
      line: 2,
      args: ['who', '--at', '2026-03-30 09:30', '--format', 'json'],
      env: { ONCALL_NOW: '2026-01-01T00:00:00Z' },
      exit: 2,
      expectations: [
        { stream: 'stdout', kind: 'has', text: 'a b' },
        { stream: 'stderr', kind: 'lacks', text: 'c' },
        { stream: 'stdout', kind: 'matches', pattern: /^x$/m },
        { stream: 'stderr', kind: 'is', text: '' },
        { stream: 'stdout', kind: 'is', text: 'one\n\nthree\n' },
      ],
    });
    expect(splitArgs(" a 'b c' d")).toEqual(['a', 'b c', 'd']);
  });

  it('refuses an unknown line, an expectation without a command and a scenario without exit code', () => {
    expect(() => parseScenarios('x.txt', '$ oncall who\nexit 0\nstdout contains x\n')).toThrow(/x\.txt:3: not a scenario line/);
    expect(() => parseScenarios('x.txt', 'exit 0\n')).toThrow(/x\.txt:1: an expectation before/);
    expect(() => parseScenarios('x.txt', '$ oncall who\nstdout is empty\n')).toThrow(/x\.txt:1: the scenario has no `exit` line/);
  });
});
