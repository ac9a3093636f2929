/**
 * For this project's own renderings, the import is exact. Each organisation (the tests' acme, every example) is
 * rendered on its Opsgenie stack, published into an account as the provider would create it
 * (modules/bench/api/opsgenie-publish.ts), observed and imported; then (a) the YAML validates, (b) the same stack
 * planned on the imported YAML equals the observed account under the planned names, input by input (public
 * holidays rendered as off hours come back as the dated holidays), and (c) over
 * 52 weeks, whom the account pages (read by the Opsgenie interpreter of test/fidelity from the observed inputs)
 * is whom the imported YAML's engine pages, for every squad and every service.
 */
import { join } from 'node:path';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { publishOpsgenie } from '../../../modules/bench/api/opsgenie-publish';
import { opsgenieAdapter } from '../../../modules/migrate/opsgenie';
import { OPSGENIE_USER } from '../../../modules/migrate/opsgenie/people';
import { renameObserved } from '../../../modules/migrate/rename';
import type { Organisation, Service } from '../../../modules/model/types';
import { analyse } from '../../../modules/pipeline';
import type { DesiredState } from '../../../modules/render/desired';
import { OG } from '../../../modules/backends/opsgenie/resources';
import { diffStates } from '../../../modules/render/diff';
import { renderStack } from '../../../modules/render/stack';
import { shiftsOverlapping } from '../../../modules/schedule/shifts';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import { readTeamsDir } from '../../../modules/spec/read-dir';
import type { SourceTree } from '../../../modules/spec/source';
import { expectedPaged, opsgeniePaged } from '../../fidelity/service-routing';
import { FIXTURE_DIR, FIXTURE_STACKS, ROOT } from '../../helpers';
import { importedTree } from './imported-tree';

const FROM = Date.parse('2026-01-05T00:00:00+01:00');
const TO = FROM + 52 * 7 * 86_400_000;
const MINUTE = 60_000;

/** The stack's Opsgenie resources: the Datadog ones of an Opsgenie stack (monitors, status page) are not in the account. */
const opsgenieOnly = (s: DesiredState): DesiredState => ({
  ...s,
  resources: s.resources.filter((r) => r.type.startsWith('opsgenie:') || r.type === 'pulumi-nodejs:dynamic/opsgenie:ScheduleOverride'),
});

/** The tests' organisation (`acme`) or an example's, with its stacks. */
export function organisationCase(name: string): { name: string; teams: SourceTree; stacksDir: string } {
  if (name === 'acme') return { name, teams: readTeamsDir(FIXTURE_DIR), stacksDir: FIXTURE_STACKS };
  return { name, teams: readTeamsDir(join(ROOT, 'examples', name, 'teams')), stacksDir: join(ROOT, 'examples', name, 'stacks') };
}

function squadPseudoService(squad: string): Service {
  return { id: `(${squad})`, squad, name: squad, retired: false, source: { file: '', line: 0, column: 0 } };
}

/** Every 6 hours of the year, and a minute either side of every shift's edges (where a difference would show). */
function instants(org: Organisation): number[] {
  const out = new Set<number>();
  for (let t = FROM; t < TO; t += 360 * MINUTE) out.add(t);
  for (const rotation of org.rotations.values())
    for (const s of shiftsOverlapping(rotation, FROM, TO)) for (const e of [s.start, s.end]) out.add(e - MINUTE).add(e);
  return [...out].filter((t) => t >= FROM && t < TO).sort((a, b) => a - b);
}

/**
 * The public holidays on Monday to Friday (the signing example's business days) of a country, from `from` to the
 * end of the year the renderer writes overrides for (render/holiday-overrides.ts, 366 days): from date-holidays,
 * public days only.
 */
function weekdayHolidays(country: string, from: number): string[] {
  const calendar = new Holidays(country, { types: ['public'] });
  const first = new Date(from).toISOString().slice(0, 10);
  const last = new Date(from + 366 * 86_400_000).toISOString().slice(0, 10);
  const dates = [2026, 2027].flatMap((y) => calendar.getHolidays(y).map((h) => h.date.slice(0, 10)));
  return [...new Set(dates)].filter((d) => d >= first && d <= last && new Date(`${d}T12:00:00Z`).getUTCDay() % 6 !== 0).sort();
}

export function roundTrip(c: ReturnType<typeof organisationCase>): void {
  describe(`${c.name} on Opsgenie, imported back`, () => {
    const stack = readStacksDir(c.stacksDir).stacks.find((s) => s.backend === 'opsgenie')!;
    const source = analyse(c.teams as SourceTree, FROM, { stacks: [stack], problems: [] }).organisation!;
    const settings = { now: FROM, name: stack.name, backend: 'opsgenie' as const, teams: stack.teams };
    const rendered = renderStack(source, settings);
    const account = publishOpsgenie(source, rendered);
    const observed = opsgenieAdapter.observe(account);
    const result = opsgenieAdapter.importTeams(observed, { phones: true, now: FROM });
    const tree = importedTree(result.teams);
    const analysis = analyse(tree, FROM, { stacks: [stack], problems: [] });
    const org = analysis.organisation!;

    it('(a) validates', () => {
      expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(org.squads.size).toBeGreaterThan(0);
    });

    it('(b) plans no change against the account', () => {
      const plan = opsgenieOnly(renderStack(org, settings));
      const renamed = renameObserved(observed, result.links);
      const account = { ...renamed, resources: renamed.resources.filter((r) => r.type !== OPSGENIE_USER) };
      const diff = diffStates(account, plan);
      expect(diff.create.map((r) => r.name)).toEqual([]);
      expect(diff.delete.map((r) => r.name)).toEqual([]);
      expect(diff.replace.map((r) => r.after.name)).toEqual([]);
      expect(diff.update.map((u) => ({ name: u.resource.name, changes: u.changes }))).toEqual([]);
      expect(diff.unchanged).toBe(plan.resources.length);
    });

    it('reads public holidays rendered as off hours back as the dated holidays, not as overrides', () => {
      // Holidays as off hours (examples/signing) are whole-day overrides beyond the off-hours schedule's time
      // restrictions: they come back as `holidays`, with one finding saying so, and none about those overrides.
      const holidays = source.holidays.offHours === true;
      expect(result.findings.filter((f) => /override/.test(f.what)).map((f) => `${f.source.id}: ${f.what}`)).toEqual([]);
      expect(result.findings.filter((f) => f.what === 'public holidays')).toHaveLength(holidays ? 1 : 0);
      const calendar = Array.isArray(result.teams.org.holidays) ? undefined : result.teams.org.holidays;
      expect(calendar?.offHours === true).toBe(holidays);
      if (!holidays) return;
      expect(c.name).toBe('signing');
      // The dates: every weekday holiday of the source's calendar within the year the stack rendered (independent:
      // date-holidays, through the source organisation's calendar).
      const dates = (calendar?.extra ?? []).map((h) => h.date);
      expect(dates.length).toBeGreaterThan(5);
      expect(dates).toEqual(weekdayHolidays(source.holidays.country!, FROM));
    });

    it('(c) pages whom the account pages, every squad and service, for 52 weeks', () => {
      const account = renameObserved(observed, result.links);
      const targets = [
        ...[...org.squads.values()].filter((s) => s.routing.length > 0).map((s) => squadPseudoService(s.id)),
        ...[...org.services.values()].filter((s) => s.promise),
      ];
      const wrong: string[] = [];
      for (const t of instants(org)) {
        for (const service of targets) {
          const said = opsgeniePaged(org, account, service, t);
          const engine = expectedPaged(org, 'opsgenie', service, t);
          if (JSON.stringify(said) !== JSON.stringify(engine) && wrong.length < 5)
            wrong.push(`${new Date(t).toISOString()} ${service.id}: account ${JSON.stringify(said)}, YAML ${JSON.stringify(engine)}`);
        }
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    it('without phone numbers, still validates and lists every number it leaves out', () => {
      const without = opsgenieAdapter.importTeams(observed, { phones: false, now: FROM });
      const problems = analyse(importedTree(without.teams), FROM, { stacks: [stack], problems: [] }).problems;
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const numbers = observed.resources.filter((r) => r.type === OG.userContact);
      expect(
        without.findings
          .filter((f) => f.what === 'phone number')
          .map((f) => f.source.id)
          .sort(),
      ).toEqual(numbers.map((r) => r.id.split('/')[1]).sort());
      expect(Object.values(without.teams.org.people).some((p) => p.phone !== undefined)).toBe(false);
    });

    it('findings say why', () => {
      for (const f of result.findings) expect(f.why.length).toBeGreaterThan(10);
    });
  });
}
