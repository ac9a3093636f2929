/**
 * Public holidays rendered as off hours come back as holidays, and only they: on the signing example's Opsgenie
 * account (published as the provider creates it, modules/bench/api/opsgenie-publish.ts), an override added by hand
 * on a working day, beyond the off-hours rotation's time restrictions, keeps its finding and is imported within the
 * rotation's hours, while the whole-day overrides of the holidays become org.yaml's dated holidays. The expected
 * values come from the override written here and the French calendar (14 July).
 */
import { describe, expect, it } from 'vitest';
import { publishOpsgenie } from '../../../modules/bench/api/opsgenie-publish';
import { OG } from '../../../modules/backends/opsgenie/resources';
import { opsgenieAdapter } from '../../../modules/migrate/opsgenie';
import { analyse } from '../../../modules/pipeline';
import { renderStack } from '../../../modules/render/stack';
import { readStacksDir } from '../../../modules/spec/read-stacks';
import type { SourceTree } from '../../../modules/spec/source';
import { organisationCase } from './round-trip';

const FROM = Date.parse('2026-01-05T00:00:00+01:00');

describe('public holidays among other overrides, on Opsgenie', () => {
  const c = organisationCase('signing');
  const stack = readStacksDir(c.stacksDir).stacks.find((s) => s.backend === 'opsgenie')!;
  const source = analyse(c.teams as SourceTree, FROM, { stacks: [stack], problems: [] }).organisation!;
  const rendered = renderStack(source, { now: FROM, name: stack.name, backend: 'opsgenie', teams: stack.teams });
  const observed = opsgenieAdapter.observe(publishOpsgenie(source, rendered));
  // The SRE on-call schedule's override of 14 July 2026 (a Tuesday), and one added by hand the next day, 12:00 to
  // 22:00 in Paris: 7 hours in the daytime, outside the rotation's nights, then 3 hours inside.
  const holiday = observed.resources.find((r) => r.type === OG.override && r.from.id === 'sre-oncall-override-20260713T2200Z')!;
  const added = {
    ...holiday,
    name: `${holiday.name}-added`,
    id: `${holiday.id}-added`,
    from: { ...holiday.from, id: 'added-by-hand' },
    inputs: { ...holiday.inputs, alias: 'added-by-hand', startDate: '2026-07-15T10:00:00Z', endDate: '2026-07-15T20:00:00Z' },
  };
  const result = opsgenieAdapter.importTeams({ ...observed, resources: [...observed.resources, added] }, { phones: true, now: FROM });
  const calendar = Array.isArray(result.teams.org.holidays) ? undefined : result.teams.org.holidays;

  it('finds the holiday override to start from', () => {
    expect(holiday).toBeDefined();
    expect(holiday.inputs.endDate).toBe('2026-07-14T22:00:00Z');
  });

  it('reads the holidays, 14 July among them', () => {
    expect(calendar?.offHours).toBe(true);
    expect(calendar?.extra?.map((h) => h.date)).toContain('2026-07-14');
    expect(result.findings.filter((f) => f.what === 'public holidays')).toHaveLength(1);
  });

  it('keeps the finding of the override added by hand, and of no other', () => {
    const beyond = result.findings.filter((f) => f.what === "override outside the rotation's hours");
    expect(beyond.map((f) => f.source.id)).toEqual(['added-by-hand']);
  });

  it("imports the added override within the rotation's hours, and none of the holiday's", () => {
    const overrides = Object.values(result.teams.squads.get('sre')?.rotations ?? {}).flatMap((r) => r.overrides ?? []);
    expect(overrides.filter((o) => o.start.startsWith('2026-07-14'))).toEqual([]);
    expect(overrides.filter((o) => o.start.startsWith('2026-07-15'))).toEqual([
      { person: expect.any(String), start: '2026-07-15 19:00', end: '2026-07-15 22:00' },
    ]);
  });
});
