import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { badCases } from '../fixtures/bad-cases';
import { fixtureTree, runCli, writeTree } from '../helpers';

const dirs: string[] = [];
function tempTree(tree = fixtureTree()): string {
  const dir = writeTree(tree);
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const STACK_TRACE = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('every bad input: exit 1 and a positioned problem in all three formats, never a stack trace', () => {
  const cases = badCases.map((c) => ({ ...c, dir: '' }));
  for (const c of cases) {
    it(c.name, async () => {
      const dir = tempTree(c.tree());
      const file = `${dir}/${c.file}`;

      const text = await runCli(['validate', '--teams', dir, '--format', 'text']);
      expect(text.code).toBe(1);
      expect(text.stderr).toBe('');
      expect(text.stdout).not.toMatch(STACK_TRACE);
      const header = new RegExp(`^${escape(file)}(:(\\d+):(\\d+))? error ${escape(c.code)}: (.*)$`, 'm');
      const m = header.exec(text.stdout);
      expect(m, text.stdout).not.toBeNull();
      if (m?.[2] !== undefined && Number(m[2]) > 0) {
        // The offending line is quoted, with a caret under the column.
        const after = text.stdout.slice((m.index ?? 0) + m[0].length + 1).split('\n');
        expect(after[0]).toMatch(new RegExp(`^\\s*${m[2]} \\| `));
        expect(after[1]).toMatch(/^\s+\| \s*\^$/);
        expect(after[1]!.indexOf('^') - after[1]!.indexOf('|') - 2).toBe(Number(m[3]) - 1);
      }

      const json = await runCli(['validate', '--teams', dir, '--format', 'json']);
      expect(json.code).toBe(1);
      expect(json.stderr).toBe('');
      const problems = (JSON.parse(json.stdout) as { problems: Array<Record<string, unknown>> }).problems;
      const p = problems.find((x) => x.code === c.code && x.file === file);
      expect(p, json.stdout).toBeDefined();
      expect(Object.keys(p!).sort()).toEqual([
        'code',
        'column',
        'file',
        'line',
        'message',
        'severity',
        ...(c.suggestion ? ['suggestion'] : []),
      ]);
      expect(p!.severity).toBe('error');
      expect(p!.message).toMatch(c.message);
      if (c.suggestion) expect(p!.suggestion).toMatch(c.suggestion);

      const gh = await runCli(['validate', '--teams', dir, '--format', 'github']);
      expect(gh.code).toBe(1);
      expect(gh.stderr).toBe('');
      const annotation = gh.stdout
        .split('\n')
        .find((l) => l.includes(`title=${c.code.replace(/:/g, '%3A')}`) && l.includes(`file=${file.replace(/:/g, '%3A')}`));
      expect(annotation, gh.stdout).toBeDefined();
      expect(annotation).toMatch(/^::error file=[^,]+(,line=\d+,col=\d+)?,title=[^:]+::.+$/);
      if ((p!.line as number) > 0) expect(annotation).toContain(`,line=${p!.line as number},col=${p!.column as number},`);
    });
  }
});

describe('files and directories the loader cannot use', () => {
  it('a missing teams directory is a problem (exit 1), in every format', async () => {
    const missing = join(tmpdir(), 'oncall-no-such-dir');
    const text = await runCli(['validate', '--teams', missing]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${missing} error file/missing-dir: teams directory \`${missing}\` does not exist`);
    const json = await runCli(['validate', '--teams', missing, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems[0]).toMatchObject({ code: 'file/missing-dir', line: 0, column: 0 });
    const gh = await runCli(['validate', '--teams', missing, '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=.*oncall-no-such-dir,title=file\/missing-dir::/);
  });

  it('an empty teams directory reports the missing organisation file and squads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-empty-'));
    dirs.push(dir);
    const run = await runCli(['validate', '--teams', dir, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(
      JSON.parse(run.stdout)
        .problems.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['file/missing-org', 'file/no-teams']);
  });

  it('a 10 MB file is refused without being read', async () => {
    const dir = tempTree();
    const big = `alerts:\n${'  # padding line to make the file large ..........................................\n'.repeat(130000)}`;
    mkdirSync(join(dir, 'payments', 'alerts'), { recursive: true });
    writeFileSync(join(dir, 'payments', 'alerts', 'huge.yaml'), big);
    expect(big.length).toBeGreaterThan(10_000_000);
    for (const format of ['text', 'json', 'github']) {
      const run = await runCli(['validate', '--teams', dir, '--format', format]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('file/too-large');
      expect(run.stdout).not.toMatch(STACK_TRACE);
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
