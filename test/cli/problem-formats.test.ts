/**
 * The formats of problems, checked against outside oracles where there is one: SARIF against the official
 * SARIF 2.1.0 schema (test/fixtures/sarif/), JSON by parsing it back, links by opening the docs they point to;
 * and through the commands, which serve validate problems and readiness findings alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { readiness } from '../../modules/checks';
import { docsBaseFromEnvironment, sarifDocsBase } from '../../modules/cli/docs-base';
import { formatProblems, PROBLEM_FORMATS } from '../../modules/cli/format/problems';
import type { Io } from '../../modules/cli/io';
import { main } from '../../modules/cli/main';
import { CODES, docPath } from '../../modules/core/codes';
import type { Problem } from '../../modules/core/problem';
import { loadOrganisation } from '../../modules/model/load';
import { sourceTexts } from '../../modules/spec/source';
import { FIXTURE_DIR, fixtureTree, NOW, ROOT, withEdit, writeTree } from '../helpers';

/**
 * The official schema is JSON Schema draft-04, which ajv 8 no longer ships a meta-schema for: its keywords
 * used here (type, properties, enum, items, $ref to definitions, oneOf, anyOf, required, format…) mean the
 * same in draft-07, so only the draft-04 `id` is renamed `$id`.
 */
function sarifValidator() {
  const {
    $schema: _draft04,
    id,
    ...schema
  } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}
const validSarif = sarifValidator();

function expectValidSarif(text: string): any {
  const log = JSON.parse(text);
  const ok = validSarif(log);
  expect(validSarif.errors ?? [], 'SARIF 2.1.0 schema').toEqual([]);
  expect(ok).toBe(true);
  return log;
}

const misspelt = withEdit(
  'storefront/team.yaml',
  'members: [alice, bruno, chloe, david]\n    start',
  'members: [alise, bruno, chloe, david]\n    start',
  fixtureTree(),
);
const problems = loadOrganisation(misspelt).problems;
const unready = (() => {
  let tree = withEdit('storefront/team.yaml', '    runbook: runbooks/checkout.md\n', '', fixtureTree());
  tree = withEdit('platform/runbooks/disk-space.md', '## Resolution\n', '## What to do\n', tree);
  return withEdit('payments/team.yaml', /  payments-api-health:\n(    .*\n)+\n/, '', tree);
})();
const findings = readiness(loadOrganisation(unready).organisation!, { today: '2026-11-22' });
/** Whole-file problems (no position), a path outside the working directory, a suggestion. */
const odd: Problem[] = [
  { file: 'teams', line: 0, column: 0, severity: 'error', code: 'file/missing-org', message: '`org.yaml` is missing' },
  {
    file: '/elsewhere/teams with space/org.yaml',
    line: 3,
    column: 0,
    severity: 'warning',
    code: 'holiday/duplicate',
    message: 'listed twice',
    suggestion: 'remove one',
  },
];

describe('SARIF', () => {
  it.each([
    ['validate problems', problems],
    ['readiness findings', findings],
    ['problems without position or outside the working directory', odd],
    ['nothing', []],
  ] as const)('%s: valid SARIF 2.1.0, a result per problem, each with its rule', (_, list) => {
    const log = expectValidSarif(formatProblems('sarif', list, new Map(), { docsBase: 'https://example.test/oncall/', cwd: ROOT }));
    const { results, tool } = log.runs[0];
    expect(results).toHaveLength(list.length);
    results.forEach((r: any, i: number) => {
      const p = list[i]!;
      expect(tool.driver.rules[r.ruleIndex].id).toBe(p.code);
      expect(r).toMatchObject({ ruleId: p.code, level: p.severity });
      expect(r.message.text).toContain(p.message);
      const region = r.locations[0].physicalLocation.region;
      if (p.line === 0) expect(region).toBeUndefined();
      else expect(region).toEqual(p.column > 0 ? { startLine: p.line, startColumn: p.column } : { startLine: p.line });
    });
    // One rule per code used, with the registry's level and a link to the page documenting it.
    expect(tool.driver.rules.map((r: any) => r.id).sort()).toEqual([...new Set(list.map((p) => p.code))].sort());
    for (const rule of tool.driver.rules) {
      expect(rule.defaultConfiguration.level).toBe(CODES.get(rule.id)!.severity);
      expect(rule.helpUri).toBe(`https://example.test/oncall/${docPath(rule.id)}`);
    }
  });

  it('locates files relative to the working directory, or by file: URI outside it', () => {
    const log = expectValidSarif(formatProblems('sarif', [...problems.slice(0, 1), ...odd], new Map(), { cwd: ROOT }));
    const uris = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toEqual([problems[0]!.file, 'teams', 'file:///elsewhere/teams%20with%20space/org.yaml']);
    expect(log.runs[0].results[2].message.text).toBe('listed twice; remove one');
    // Without a docs URL there is no helpUri (it must be absolute), but the help still names the page.
    expect(log.runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
    expect(log.runs[0].tool.driver.rules[0].help.text).toContain(docPath('file/missing-org'));
  });

  it('masks phone numbers', () => {
    const out = formatProblems('sarif', [{ ...odd[1]!, message: 'call +33 6 39 98 01 01' }], new Map(), { cwd: ROOT });
    expect(out).toContain('+336••••••01');
    expect(out).not.toMatch(/98 01 01/);
  });
});

describe('every format', () => {
  it('JSON gives back every field of every problem', () => {
    for (const list of [problems, findings, odd])
      expect(JSON.parse(formatProblems('json', list, new Map())).problems).toEqual(list.map((p) => ({ ...p })));
  });

  it('markdown links each code to the place that documents it', () => {
    const md = formatProblems('markdown', [...problems, ...findings], new Map());
    const links = [...md.matchAll(/\[([a-z]+\/[a-z0-9-]+)\]\(([^)#]+)(?:#([^)]+))?\)/g)];
    expect(links.length).toBe(problems.length + findings.length);
    for (const [, code, path, anchor] of links) {
      const page = readFileSync(join(ROOT, path!), 'utf8');
      expect(anchor === undefined ? page.startsWith(`# \`${code}\``) : page.includes(`<a id="${anchor}"></a>\`${code}\``), code).toBe(true);
    }
  });

  it('markdown names the alert or service of a finding, and says when nothing was found', () => {
    const md = formatProblems('markdown', findings, new Map(), { title: 'Production readiness', subject: '10 alerts' });
    expect(md).toContain('| ❌ | `shop-checkout` | [alert/runbook](docs/checks/alert/runbook.md) |');
    expect(md).toContain('| ❌ | service `payment-api` | [service/synthetic-check]');
    expect(
      formatProblems('markdown', [], new Map(), { title: 'Production readiness', subject: '10 alerts', clean: 'every check passes' }),
    ).toBe('### Production readiness\n\n10 alerts: every check passes.');
  });

  it.each(PROBLEM_FORMATS)('%s shows a suggestion after the message', (format) => {
    const out = formatProblems(format, [odd[1]!], new Map([[odd[1]!.file, 'a\nb\nc\n']]), { cwd: ROOT });
    expect(out).toContain(format === 'json' ? '"suggestion": "remove one"' : 'listed twice; remove one');
  });

  it("text shows the source line under a problem when it has the file, and a subject's summary even when empty", () => {
    const text = formatProblems('text', problems, sourceTexts(misspelt));
    expect(text).toMatch(/teams\/storefront\/team\.yaml:\d+:\d+ error ref\/unknown-person: .*\n +\d+ \| +members: \[alise/);
    expect(formatProblems('text', [], new Map(), { subject: '11 alerts' })).toBe('11 alerts: 0 errors, 0 warnings');
  });
});

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (err += `${t}\n`),
    now: () => new Date(NOW),
    cwd: process.cwd(),
    env: process.env,
    stdout: () => out,
    stderr: () => err,
  };
}

describe('the commands share the formats', () => {
  it("validate --format sarif: a valid log of the tests' organisation, which has warnings only (rotations not started yet)", async () => {
    const io = capture();
    expect(await main(['validate', '--teams', FIXTURE_DIR, '--format', 'sarif'], io)).toBe(0);
    const results = expectValidSarif(io.stdout()).runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r: any) => r.level))).toEqual(new Set(['warning']));
    const text = capture();
    await main(['validate', '--teams', FIXTURE_DIR], text);
    expect(text.stdout()).toContain(`0 errors, ${results.length} warnings`);
  });

  it('readiness --format sarif and markdown: the findings of an organisation not ready', async () => {
    const dir = writeTree(unready);
    const sarif = capture();
    expect(await main(['readiness', '--teams', dir, '--format', 'sarif'], sarif)).toBe(1);
    const results = expectValidSarif(sarif.stdout()).runs[0].results;
    expect(results.map((r: any) => r.ruleId).sort()).toEqual(findings.map((f) => f.code).sort());
    expect(results.find((r: any) => r.ruleId === 'alert/runbook').properties).toEqual({
      squad: 'storefront',
      alert: 'shop-checkout',
      service: 'shop',
    });
    const md = capture();
    expect(await main(['readiness', '--teams', dir, '--format', 'markdown'], md)).toBe(1);
    expect(md.stdout()).toMatch(/^### Production readiness\n\n10 alerts: 3 errors, 0 warnings\n/);
  });

  it('an unknown format is a usage error naming the five', async () => {
    for (const command of ['validate', 'readiness']) {
      const io = capture();
      expect(await main([command, '--teams', FIXTURE_DIR, '--format', 'xml'], io)).toBe(2);
      expect(io.stderr()).toMatch(/text.*json.*github.*markdown.*sarif/);
    }
  });
});

describe('the documentation URL of SARIF rules', () => {
  it('is the checked repository at its commit in GitHub Actions, and none elsewhere', () => {
    expect(
      docsBaseFromEnvironment({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/oncall', GITHUB_SHA: 'a'.repeat(40) }),
    ).toBe(`https://github.com/acme/oncall/blob/${'a'.repeat(40)}/`);
    expect(docsBaseFromEnvironment({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/oncall' })).toBe(
      'https://github.com/acme/oncall/blob/HEAD/',
    );
    expect(docsBaseFromEnvironment({})).toBeUndefined();
    expect(docsBaseFromEnvironment({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: '../../evil' })).toBeUndefined();
    expect(docsBaseFromEnvironment({ GITHUB_SERVER_URL: 'javascript:alert(1)', GITHUB_REPOSITORY: 'acme/oncall' })).toBeUndefined();
    // Markdown links stay relative to the repository wherever the command runs; only SARIF needs absolute ones.
    const actions = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/oncall' };
    expect(sarifDocsBase('markdown', actions)).toBeUndefined();
    expect(sarifDocsBase('sarif', actions)).toBe('https://github.com/acme/oncall/blob/HEAD/');
  });
});
