/**
 * The imported teams directory as text and on disk: the same objects read back (the `yaml` package's own
 * parser is the oracle), keys in the order of the published JSON Schemas (schemas/*.schema.json), the editors'
 * schema line as `oncall init` writes it, comments above their keys, the same bytes twice, and nothing replaced.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { teamsText, TeamsWriteError, writeTeamsDir } from '../../modules/migrate/write-teams';
import { scaffold } from '../../modules/cli/init/scaffold';
import { readTeamsDir } from '../../modules/spec/read-dir';
import { analyse } from '../../modules/pipeline';
import { ROOT, NOW } from '../helpers';
import { importedTeams } from './fake-account';

const OPTIONS = { schemas: '../schemas', header: ['Imported from PagerDuty (https://api.pagerduty.com) at 2026-01-01T00:00:00Z.'] };

const schemaKeys = (kind: string): string[] =>
  Object.keys((JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')) as { properties: object }).properties);

describe('imported YAML as text', () => {
  const teams = importedTeams();
  const { files, unplaced } = teamsText(teams, OPTIONS);

  it('writes org.yaml, a team.yaml per squad and the alerts under alerts/, which read back as the same objects', () => {
    expect([...teams.alerts.keys()].length).toBeGreaterThan(0);
    expect([...files.keys()]).toEqual([
      'org.yaml',
      ...['payments', 'platform', 'storefront'].flatMap((s) => [
        `${s}/team.yaml`,
        ...(teams.alerts.has(s) ? [`${s}/alerts/imported.yaml`] : []),
      ]),
    ]);
    expect(parse(files.get('org.yaml')!)).toEqual(teams.org);
    for (const [squad, team] of teams.squads) expect(parse(files.get(`${squad}/team.yaml`)!)).toEqual(team);
    for (const [squad, alerts] of teams.alerts) expect(parse(files.get(`${squad}/alerts/imported.yaml`)!)).toEqual(alerts);
    expect(unplaced).toEqual([]);
  });

  it('orders top-level keys as the published schema lists them', () => {
    for (const [file, kind] of [
      ['org.yaml', 'org'],
      ['storefront/team.yaml', 'team'],
      ['payments/alerts/imported.yaml', 'alerts'],
    ] as const) {
      const keys = Object.keys(parse(files.get(file)!) as object);
      const order = schemaKeys(kind);
      expect(keys.map((k) => order.indexOf(k))).toEqual([...keys.map((k) => order.indexOf(k))].sort((a, b) => a - b));
      expect(keys.every((k) => order.includes(k))).toBe(true);
    }
  });

  it('sorts people and alerts by id, and keeps the rotations and policies in the import’s order (the model reads it)', () => {
    const org = parse(files.get('org.yaml')!) as { people: object };
    expect(Object.keys(org.people)).toEqual(Object.keys(teams.org.people ?? {}).sort());
    const storefront = parse(files.get('storefront/team.yaml')!) as { rotations: object; escalations: object };
    expect(Object.keys(storefront.rotations)).toEqual(Object.keys(teams.squads.get('storefront')?.rotations ?? {}));
    expect(Object.keys(storefront.escalations)).toEqual(Object.keys(teams.squads.get('storefront')?.escalations ?? {}));
    // Given out of order: the services are sorted, the rotations (first: the default route) are not.
    const squad = {
      name: 'Z',
      rotations: { zeta: { members: ['alice'] }, alpha: { members: ['bruno'] } },
      services: { zeta: { name: 'Z' }, alpha: { name: 'A' } },
    };
    const text = teamsText({ ...teams, squads: new Map([['z', squad as never]]), alerts: new Map() }, OPTIONS).files.get('z/team.yaml')!;
    const read = parse(text) as { rotations: object; services: object };
    expect(Object.keys(read.rotations)).toEqual(['zeta', 'alpha']);
    expect(Object.keys(read.services)).toEqual(['alpha', 'zeta']);
  });

  it('starts with the schema line `oncall init` writes, then the header; puts each comment above its key', () => {
    const init = scaffold({ organisation: 'Acme', squad: 'web', backends: ['pagerduty'], start: '2026-01-05', schemas: '../schemas' });
    const firstLine = (text: string) => text.split('\n')[0];
    expect(firstLine(files.get('org.yaml')!)).toBe(firstLine(init.get('teams/org.yaml')!));
    expect(firstLine(files.get('storefront/team.yaml')!)).toBe(firstLine(init.get('teams/web/team.yaml')!));
    expect(firstLine(files.get('payments/alerts/imported.yaml')!)).toBe(
      '# yaml-language-server: $schema=../../../schemas/alerts.schema.json',
    );
    expect(files.get('org.yaml')!.split('\n')[1]).toBe(`# ${OPTIONS.header[0]}`);
    const org = files.get('org.yaml')!.split('\n');
    expect(org[org.findIndex((l) => l.startsWith('  alice:')) - 1]).toBe('  # PagerDuty user PALICE1');
    const team = files.get('storefront/team.yaml')!.split('\n');
    expect(team[team.indexOf('rotations:') - 1]).toBe('# From the schedules of the team "Storefront"');
  });

  it('gives the same bytes for the same import, and names the comments that fit no key', () => {
    expect(teamsText(importedTeams(), OPTIONS).files).toEqual(files);
    const stray = { ...teams, comments: new Map([...teams.comments, ['org.yaml#/people/nobody', 'x'], ['ghost/team.yaml#/name', 'y']]) };
    expect(teamsText(stray, OPTIONS).unplaced).toEqual(['ghost/team.yaml#/name', 'org.yaml#/people/nobody']);
  });

  it('validates with the pipeline of `oncall validate`', () => {
    const tree = { root: 'teams', files: new Map(files), oversized: new Map() };
    const errors = analyse(tree, NOW).problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe('writing the teams directory', () => {
  const { files } = teamsText(importedTeams(), OPTIONS);

  it('creates the folder with every file, and nothing else beside it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'oncall-import-'));
    writeTeamsDir(join(parent, 'teams'), files);
    expect(readdirSync(parent)).toEqual(['teams']);
    for (const [file, text] of files) expect(readFileSync(join(parent, 'teams', file), 'utf8')).toBe(text);
    expect(readTeamsDir(join(parent, 'teams')).files.size).toBe(files.size);
  });

  it('adds to a folder that holds other files, and refuses, writing nothing, when one of its files exists', () => {
    const parent = mkdtempSync(join(tmpdir(), 'oncall-import-'));
    const teams = join(parent, 'teams');
    mkdirSync(join(teams, 'storefront', 'runbooks'), { recursive: true });
    writeFileSync(join(teams, 'storefront', 'runbooks', 'a.md'), '# A\n');
    writeTeamsDir(teams, files);
    expect(readFileSync(join(teams, 'storefront', 'runbooks', 'a.md'), 'utf8')).toBe('# A\n');
    expect(existsSync(join(teams, 'storefront', 'team.yaml'))).toBe(true);

    const other = join(parent, 'other');
    mkdirSync(join(other, 'platform'), { recursive: true });
    writeFileSync(join(other, 'platform', 'team.yaml'), 'name: mine\n');
    let error: unknown;
    try {
      writeTeamsDir(other, files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TeamsWriteError);
    expect((error as TeamsWriteError).taken).toEqual(['platform/team.yaml']);
    expect(readFileSync(join(other, 'platform', 'team.yaml'), 'utf8')).toBe('name: mine\n');
    expect(readdirSync(other)).toEqual(['platform']);
    expect(readdirSync(parent).sort()).toEqual(['other', 'teams']);
  });
});
