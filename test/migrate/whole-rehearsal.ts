/**
 * Rehearsals of a whole organisation: its three stacks (each read by its backend's interpreter) and the engine, over
 * 52 weeks from 2026-01-05, compared in one rehearsal (all agree at every minute, so every pair of backends does);
 * the squads a stack leaves out are compared between the stacks that have them and the engine.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { EngineTimelines } from '../../modules/migrate/engine-timeline';
import { engineSide, rehearse, type RehearsalReport, type Side } from '../../modules/migrate/rehearsal';
import { stackSide } from '../../modules/migrate/rehearsal-sides';
import type { Organisation } from '../../modules/model/types';
import { analyse } from '../../modules/pipeline';
import { readStacksDir } from '../../modules/spec/read-stacks';
import { readTeamsDir } from '../../modules/spec/read-dir';
import type { StackSpec } from '../../modules/spec/stacks';

export const FROM = Date.parse('2026-01-05T00:00:00+01:00');
export const TO = Date.parse('2027-01-04T00:00:00+01:00');

export function load(repo: string): { org: Organisation; stacks: StackSpec[] } {
  const stacks = readStacksDir(join(repo, 'stacks')).stacks;
  const analysis = analyse(readTeamsDir(join(repo, 'teams')), FROM, { stacks, problems: [] });
  expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { org: analysis.organisation!, stacks };
}

export function rehearseAll(org: Organisation, stacks: readonly StackSpec[]): RehearsalReport[] {
  const engine = engineSide('teams', new EngineTimelines(org, FROM, TO, EngineTimelines.horizon(org)));
  const sides: Side[] = stacks.map((s, i) => stackSide(i === 0 ? 'source' : 'target', org, s, FROM));
  const reports = [rehearse({ org, sides: [sides[0]!, engine, ...sides.slice(1)], from: FROM, to: TO })];
  // Squads some stack leaves out: each stack that has them against the engine.
  const partial = sides.filter((s) => s.squads !== undefined);
  if (partial.length > 0)
    for (const side of sides) if (!side.squads) reports.push(rehearse({ org, sides: [side, engine], from: FROM, to: TO }));
  return reports;
}

/** Asserts a whole organisation pages alike on every backend and in the engine, every minute of 52 weeks. */
export function expectNoMismatch(repo: string): void {
  const { org, stacks } = load(repo);
  expect(new Set(stacks.map((s) => s.backend))).toEqual(new Set(['pagerduty', 'opsgenie', 'datadog']));
  const reports = rehearseAll(org, stacks);
  for (const report of reports) {
    expect(report.unreadable).toEqual([]);
    expect(report.mismatches.slice(0, 3)).toEqual([]);
    expect(report.mismatchingMinutes).toBe(0);
    expect(report.units.length).toBeGreaterThan(0);
  }
  // Every live service of every squad was compared somewhere, over every minute of the year.
  const compared = new Set(reports.flatMap((r) => r.units));
  for (const team of org.squads.values())
    for (const s of team.services.values()) if (!s.retired) expect(compared.has(`service ${s.id}`)).toBe(true);
  expect(reports[0]!.comparedMinutes).toBe(reports[0]!.units.length * 52 * 7 * 1440);
}
