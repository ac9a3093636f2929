/**
 * A Pulumi type token is written in one place: the descriptors of modules/backends (and our own component
 * tokens in modules/backends/components.ts). Anywhere else in modules/, a token literal is a second copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

/** `'pagerduty:index/schedule:Schedule'`, `"pulumi-nodejs:dynamic/twilio:PhoneLine"`, `'oncall:squad:Squad'`: string literals (comments quote tokens in backticks). */
const TOKEN = /['"](?:[a-z][a-z-]*:[a-zA-Z]+\/[a-zA-Z]+:[A-Za-z]+|oncall:[a-z]+:[A-Z][A-Za-z]*)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function tokenLiterals(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0]);
}

describe('type tokens', () => {
  it('the pattern finds the literals it is meant to find', () => {
    expect(
      tokenLiterals(`const a = 'pagerduty:index/schedule:Schedule'; const b = "pulumi-nodejs:dynamic/twilio:PhoneLine";`),
    ).toHaveLength(2);
    expect(tokenLiterals("super('oncall:squad:Squad', id)")).toHaveLength(1);
    expect(tokenLiterals("const url = 'https://api.pagerduty.com/schedules'; const time = '09:00';")).toEqual([]);
  });

  it('appear in modules/ only in modules/backends', () => {
    const modules = join(ROOT, 'modules');
    const found = files(modules)
      .filter((f) => !relative(modules, f).startsWith('backends/'))
      .flatMap((f) => tokenLiterals(readFileSync(f, 'utf8')).map((t) => `${relative(ROOT, f)}: ${t}`));
    expect(found).toEqual([]);
  });

  it('appear in modules/backends once each, so the check above looks at real files', () => {
    const backends = files(join(ROOT, 'modules', 'backends')).flatMap((f) => tokenLiterals(readFileSync(f, 'utf8')));
    expect(backends.length).toBeGreaterThan(20);
    expect(backends.filter((t, i) => backends.indexOf(t) !== i)).toEqual([]);
  });
});
