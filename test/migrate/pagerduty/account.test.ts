/**
 * A realistic PagerDuty account, written by hand in PagerDuty's JSON (test/migrate/pagerduty/account/, an export
 * directory; the shapes of PagerDuty/api-schema 91a06fb reference/REST/openapiv3.json, which the served copy is
 * checked against): successive and overlapping layers, a restriction wrapping midnight, Europe/Paris and
 * America/New_York across their clock changes, past and future overrides, an escalation that loops, a service
 * with support hours and urgency rules, an e-mail and an Events API integration, notification rules.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportDir } from '../../../modules/migrate/export-dir';
import { importPagerDuty } from '../../../modules/migrate/pagerduty/import-teams';
import { observePagerDuty } from '../../../modules/migrate/pagerduty/observe';
import { renameObserved } from '../../../modules/migrate/rename';
import { analyse } from '../../../modules/pipeline';
import { shiftAt } from '../../../modules/schedule/shifts';
import { names } from '../../../modules/render/names';
import { pagerdutyOnCall } from '../../../modules/interpret/pagerduty';
import { expectGolden } from '../../golden';
import { ROOT } from '../../helpers';
import { importedTree, serveAndRead } from './round-trip';

const DIR = join(ROOT, 'test', 'migrate', 'pagerduty', 'account');
const NOW = Date.parse('2026-02-01T00:00:00Z');
const account = readExportDir('pagerduty', DIR);
const observed = observePagerDuty(account, { now: NOW });
const imported = importPagerDuty(observed, { phones: true, now: NOW });
const tree = importedTree(imported.teams);

describe('a hand-written PagerDuty account', () => {
  it('is what the API description allows, and reads back whole through the served API', async () => {
    const { read, violations } = await serveAndRead(
      account,
      { since: Date.parse('2025-01-01T00:00:00Z'), until: Date.parse('2028-01-01T00:00:00Z') },
      { limit: 2 },
    );
    expect(violations).toEqual([]);
    expect([...read.endpoints.keys()].sort()).toEqual([...account.endpoints.keys()].sort());
    for (const [key, objects] of account.endpoints) expect(read.endpoints.get(key), key).toEqual(objects);
  });

  it('imports into YAML that validates', () => {
    const analysis = analyse(tree, NOW);
    expect(analysis.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    const text = [...tree.files].map(([file, yaml]) => `=== ${file}\n${yaml}`).join('\n');
    expectGolden('import/pagerduty/teams.yaml', text);
    expect(text).not.toContain('PCMA002');
  });

  it('lists what the YAML cannot say, each with its source object', () => {
    const lines = imported.findings.map(
      (f) => `${f.kind} ${f.source.type} ${f.source.id}${f.source.name ? ` (${f.source.name})` : ''}: ${f.what} — ${f.why}`,
    );
    expectGolden('import/pagerduty/findings.txt', lines.join('\n') + '\n');
    const about = (id: string) => imported.findings.filter((f) => f.source.id === id).map((f) => f.what);
    expect(about('PSPAYS3')).toContain('layer precedence');
    expect(about('PSWEEK4')).toContain('team');
    expect(about('PINT002').join()).toMatch(/Prometheus/);
    expect(about('PINT001')).toContain('e-mail filters');
    expect(about('PNRC002').join()).toMatch(/whatsapp/);
    expect(about('PSVREP3')).toContain('urgency rule');
    expect(about('PSVCHK2').join()).toMatch(/acknowledgementTimeout 600/);
  });

  it('leaves phone numbers out unless asked, and says which rules needed them', () => {
    const without = importPagerDuty(observed, { phones: false, now: NOW });
    const text = [...importedTree(without.teams).files.values()].join('\n');
    expect(text).not.toMatch(/phone:|639980101|2125550143/);
    expect(analyse(importedTree(without.teams), NOW).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const needPhones = without.findings.filter((f) => f.why.includes('import with phones')).map((f) => f.source.id);
    expect(needPhones.sort()).toEqual(['PNRA001', 'PNRA002', 'PNRB002', 'PNRC001']);
    expect(JSON.stringify(without.findings)).not.toMatch(/639980101|2125550143/);
  });

  it('keeps the successive layers as one rotation with a roster change, and skips the ended override', () => {
    const platform = imported.teams.squads.get('platform')!;
    const primary = platform.rotations!['platform-primary']!;
    expect(primary).toMatchObject({ start: '2026-01-05', every: '1w', handoff: 'monday 09:00', timezone: 'Europe/Paris' });
    expect(primary.members).toEqual(['alice-martin', 'bob-durand']);
    expect(primary.changes).toEqual([{ from: '2026-03-02', members: ['bob-durand', 'alice-martin', 'erin-lefevre'] }]);
    expect(primary.overrides).toEqual([{ person: 'erin-lefevre', start: '2026-02-14T09:00+01:00', end: '2026-02-16T09:00+01:00' }]);
    expect(platform.rotations!['platform-nights']!.coverage).toEqual([{ days: 'every-day', from: '19:00', to: '09:00' }]);
    expect(platform.escalations!['platform-escalation']).toMatchObject({ repeat: 2, responseTarget: '45m' });
    expect(platform.manager).toBe('erin-lefevre');
  });

  it('pages over 52 weeks, schedule by schedule, whom PagerDuty has on its final layer', () => {
    const org = analyse(tree, NOW).organisation!;
    const renamed = renameObserved(observed, imported.links);
    const scheduleOf = new Map(imported.links.filter((l) => l.observed.startsWith('schedule/')).map((l) => [l.planned, l.observed]));
    const wrong: string[] = [];
    for (const [planned, observedName] of scheduleOf) {
      const comment = [...imported.teams.comments].filter(([, c]) => c.includes(`(${observedName.slice('schedule/'.length)})`));
      const rotations = comment
        .map(([k]) => /^([^/]+)\/team\.yaml#\/rotations\/(.+)$/.exec(k)!)
        .map((m) => org.rotations.get(`${m[1]}/${m[2]}`)!);
      expect(rotations.length).toBeGreaterThan(0);
      expect(planned).toBe(names.schedule(rotations[0]!.squad, rotations[0]!.id));
      for (let t = NOW; t < NOW + 52 * 7 * 86_400_000; t += 150 * 60_000) {
        const engine = rotations.map((r) => shiftAt(r, t)?.person ?? null).filter((p) => p !== null);
        const account = pagerdutyOnCall(org, renamed, planned, t);
        if (engine.length > 1 || (engine[0] ?? null) !== account)
          if (wrong.length < 5) wrong.push(`${new Date(t).toISOString()} ${planned}: account ${account}, YAML ${engine.join('+')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
