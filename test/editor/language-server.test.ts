/**
 * The published schemas as an editor sees them: the YAML language server (redhat-developer/yaml-language-server,
 * the engine of VS Code's YAML extension) is run over stdio on sample files naming their schema with a
 * `# yaml-language-server: $schema=` comment, as the example files do. Its diagnostics and completions are what
 * a person editing teams/ gets; the same files through the loader give the CLI's messages, at the same lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { defs } from '../../modules/spec/schema/defs';
import { ALERT_SNIPPETS, ESCALATION_SNIPPETS, ROTATION_SNIPPETS, SERVICE_SNIPPETS } from '../../modules/spec/schema/snippets';
import { withFiles } from '../helpers';
import { LanguageServer, languageServerBin, schemaUri, type Diagnostic } from './lsp-client';

const bin = languageServerBin();

const MISTAKES = [
  `# yaml-language-server: $schema=${schemaUri('team')}`,
  'name: Storefront',
  'members: [alice, bruno]',
  'rotations:',
  '  oncall:',
  '    members: [alice, bruno]',
  '    start: 2026-01-05',
  '    every: weekly', // line 7
  '    timezone: Europe/Pariss', // line 8
  '  backup:',
  '    members: [bruno, alice]',
  '    start: 2026-01-05',
  '    timezone: US/Eastern', // a link of the tz database: accepted
  'services:',
  '  shop:',
  '    timezone: Europe/Paris',
  'alerts:',
  '  shop-home-page:',
  '    title: Home page answers',
  '    severity: P1',
  '    kind: http-check',
  '    request: { url: "https://www.example.com/" }',
  '    query: avg:system.cpu.user', // line 22
  '    runbook: https://wiki.example.com/home-page',
  '',
].join('\n');

const byLine = (ds: readonly Diagnostic[]) =>
  ds.map((d) => ({ line: d.range.start.line, message: d.message })).sort((a, b) => a.line - b.line);

describe('the loader on the sample file (what the CLI says)', () => {
  it('reports the bad duration at its line, with the expected form', () => {
    const { problems } = loadOrganisation(withFiles({ 'storefront/team.yaml': MISTAKES }));
    const mine = problems.filter((p) => p.file.endsWith('storefront/team.yaml'));
    // 1-based lines in the CLI, 0-based in the protocol.
    expect(mine.map((p) => [p.line - 1, p.code, p.message])).toEqual([
      [7, 'schema/invalid-value', `\`weekly\` is not ${String(defs.duration!.description)}`],
    ]);
  });

  it('once the duration is fixed, reports the zone and the field of another kind at the lines the editor flags', () => {
    const { problems } = loadOrganisation(withFiles({ 'storefront/team.yaml': MISTAKES.replace('every: weekly', 'every: 1w') }));
    const mine = problems.filter((p) => p.file.endsWith('storefront/team.yaml') && p.severity === 'error');
    expect(mine.map((p) => [p.line - 1, p.code])).toEqual(
      expect.arrayContaining([
        [8, 'value/invalid-zone'],
        [22, 'alert/field-not-for-kind'],
      ]),
    );
    expect(mine.find((p) => p.code === 'alert/field-not-for-kind')?.message).toBe(
      '`query` does not apply to kind `http-check` (only to `metric`, `log`, `service-check`)',
    );
    expect(mine.find((p) => p.line - 1 === 8)?.suggestion).toMatch(/Europe\/Paris\b/);
  });
});

describe.skipIf(bin === undefined)('the YAML language server on the published schemas (what an editor says)', () => {
  let server: LanguageServer;
  beforeAll(async () => {
    server = new LanguageServer(bin!);
    await server.start();
  }, 30_000);
  afterAll(() => server?.stop());

  it('flags a bad duration with a human message, a misspelt zone and a field of another kind of alert, and nothing else', async () => {
    const diagnostics = await server.open('file:///work/sample/storefront/team.yaml', MISTAKES);
    expect(byLine(diagnostics)).toEqual([
      { line: 7, message: defs.duration!.patternErrorMessage },
      { line: 8, message: expect.stringMatching(/^not an IANA time zone/) },
      { line: 22, message: '`query` does not apply to kind `http-check` (only to `metric`, `log`, `service-check`)' },
    ]);
    // No raw regular expression reaches the person.
    for (const d of diagnostics) expect(d.message).not.toMatch(/\^|\$|pattern/);
    // The key is underlined, as the CLI positions it.
    const query = diagnostics.find((d) => d.range.start.line === 22)!;
    expect(query.range.start.character).toBe(4);
  }, 30_000);

  it('gives every pattern of the schemas a message of its own', async () => {
    const text = [
      `# yaml-language-server: $schema=${schemaUri('org')}`,
      'name: Acme',
      'defaults:',
      '  handoff: lundi 09:00',
      '  every: 1 week',
      'people:',
      '  Alice:',
      '    name: Alice',
      '    email: alice-at-example.com',
      '    phone: "06 39 98 01 01"',
      'holidays:',
      '  - { date: 24/12/2026, name: Christmas Eve }',
      '',
    ].join('\n');
    const diagnostics = byLine(await server.open('file:///work/sample/org.yaml', text));
    expect(diagnostics).toEqual([
      { line: 3, message: defs.handoff!.patternErrorMessage },
      { line: 4, message: defs.duration!.patternErrorMessage },
      { line: 6, message: defs.id!.patternErrorMessage },
      { line: 8, message: defs.email!.patternErrorMessage },
      { line: 9, message: defs.phone!.patternErrorMessage },
      { line: 11, message: defs.date!.patternErrorMessage },
    ]);
  }, 30_000);

  it('offers the snippets of a rotation, an escalation policy and a service', async () => {
    const lines = [
      `# yaml-language-server: $schema=${schemaUri('team')}`,
      'name: Storefront',
      'members: [alice, bruno]',
      'rotations:',
      '  oncall: ',
      'escalations:',
      '  storefront-1h: ',
      'services:',
      '  shop: ',
      '',
    ];
    const uri = 'file:///work/sample/snippets/team.yaml';
    await server.open(uri, lines.join('\n'));
    const labels = async (line: number) => (await server.complete(uri, line, lines[line]!.length)).map((i) => i.label);
    expect(await labels(4)).toEqual(expect.arrayContaining(ROTATION_SNIPPETS.map((s) => s.label)));
    expect(await labels(6)).toEqual(expect.arrayContaining(ESCALATION_SNIPPETS.map((s) => s.label)));
    expect(await labels(8)).toEqual(expect.arrayContaining(SERVICE_SNIPPETS.map((s) => s.label)));
  }, 30_000);

  it('completes zone names and shows descriptions as markdown', async () => {
    const lines = [
      `# yaml-language-server: $schema=${schemaUri('team')}`,
      'name: Storefront',
      'members: [alice, bruno]',
      'rotations:',
      '  oncall:',
      '    members: [alice, bruno]',
      '    handoff: monday 09:00',
      '    timezone: Europe/Par',
      '',
    ];
    const uri = 'file:///work/sample/hover/team.yaml';
    await server.open(uri, lines.join('\n'));
    const zones = (await server.complete(uri, 7, lines[7]!.length)).map((i) => i.label);
    expect(zones).toContain('Europe/Paris');
    const hover = await server.hover(uri, 6, 6);
    // The markdown description: code in backticks, rendered as code (a plain description would be escaped, \`).
    expect(hover).toContain('default `defaults.handoff`');
  }, 30_000);

  it('offers one alert snippet of each kind, and an inserted snippet is valid as it is', async () => {
    const header = [`# yaml-language-server: $schema=${schemaUri('alerts')}`, 'alerts:', '  new-alert: '];
    const uri = 'file:///work/sample/alerts/new.yaml';
    await server.open(uri, header.join('\n'));
    const items = await server.complete(uri, 2, header[2]!.length);
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(ALERT_SNIPPETS.map((s) => s.label)));
    expect(ALERT_SNIPPETS.map((s) => (s.body as { kind: string }).kind).sort()).toEqual(
      ['http-check', 'log', 'metric', 'multistep-check', 'service-check', 'slo'].sort(),
    );
    for (const snippet of ALERT_SNIPPETS) {
      const item = items.find((i) => i.label === snippet.label)!;
      // As an editor inserts a snippet: placeholders become their text, and every new line takes the indentation
      // of the line the cursor is on.
      const inserted = (item.textEdit?.newText ?? item.insertText ?? '').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\n/g, '\n  ');
      const text = `${header.join('\n')}${inserted}\n`;
      const diagnostics = await server.open(`file:///work/sample/alerts/${snippet.label.replace(/ /g, '-')}.yaml`, text);
      expect(diagnostics, `${snippet.label}:\n${text}`).toEqual([]);
    }
  }, 60_000);
});
