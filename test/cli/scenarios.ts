/** Reads the CLI scenario files of test/cli/scenarios (the format is in its README). */

export type Stream = 'stdout' | 'stderr';
export type Expectation =
  | { readonly stream: Stream; readonly kind: 'has' | 'lacks'; readonly text: string }
  | { readonly stream: Stream; readonly kind: 'matches'; readonly pattern: RegExp }
  | { readonly stream: Stream; readonly kind: 'is'; readonly text: string };

export interface Scenario {
  readonly file: string;
  readonly line: number;
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly exit: number;
  readonly expectations: Expectation[];
}

export function splitArgs(text: string): string[] {
  const args: string[] = [];
  for (const m of text.matchAll(/'([^']*)'|(\S+)/g)) args.push(m[1] ?? m[2] ?? '');
  return args;
}

export function parseScenarios(file: string, text: string): Scenario[] {
  const scenarios: Array<Omit<Scenario, 'exit'> & { exit?: number }> = [];
  const lines = text.split('\n');
  const fail = (n: number, why: string): never => {
    throw new Error(`${file}:${n + 1}: ${why}`);
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('$ oncall')) {
      scenarios.push({ file, line: n + 1, args: splitArgs(line.slice('$ oncall'.length)), env: {}, expectations: [] });
      continue;
    }
    const current = scenarios[scenarios.length - 1] ?? fail(n, 'an expectation before any `$ oncall` line');
    let m: RegExpExecArray | null;
    if ((m = /^env ([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line))) current.env[m[1]!] = m[2]!;
    else if ((m = /^exit (\d+)$/.exec(line))) current.exit = Number(m[1]);
    else if ((m = /^(stdout|stderr) (has|lacks) (.+)$/.exec(line)))
      current.expectations.push({ stream: m[1] as Stream, kind: m[2] as 'has' | 'lacks', text: m[3]! });
    else if ((m = /^(stdout|stderr) matches \/(.+)\/([a-z]*)$/.exec(line)))
      current.expectations.push({ stream: m[1] as Stream, kind: 'matches', pattern: new RegExp(m[2]!, m[3]) });
    else if ((m = /^(stdout|stderr) is empty$/.exec(line))) current.expectations.push({ stream: m[1] as Stream, kind: 'is', text: '' });
    else if ((m = /^(stdout|stderr):$/.exec(line))) {
      const body: string[] = [];
      while (n + 1 < lines.length && /^\|( |$)/.test(lines[n + 1]!)) body.push(lines[++n]!.slice(2));
      if (body.length === 0) fail(n, `\`${m[1]}:\` must be followed by \`| \` lines`);
      current.expectations.push({ stream: m[1] as Stream, kind: 'is', text: `${body.join('\n')}\n` });
    } else fail(n, `not a scenario line: ${line}`);
  }
  return scenarios.map((s) => (s.exit === undefined ? fail(s.line - 1, 'the scenario has no `exit` line') : (s as Scenario)));
}
