/**
 * The rehearsal compares once per segment of the union of every side's change instants: on random small organisations
 * (./trees.ts) over 30 hours around a daylight-saving change or a holiday, that is the same as comparing every minute.
 * Brute force, minute by minute: each side's timeline (people at every step and repeat, urgency, route) is the one it
 * gives at the start of its own segment, and the minutes where the sides disagree (a target planned from a tree with
 * one more override, so that some do) are exactly the rehearsal's mismatching intervals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Changes } from '../../modules/interpret/changes';
import { EngineTimelines } from '../../modules/migrate/engine-timeline';
import { engineSide, rehearse, unitsOf, type Side } from '../../modules/migrate/rehearsal';
import { stackSide } from '../../modules/migrate/rehearsal-sides';
import { analyse } from '../../modules/pipeline';
import type { Backend } from '../../modules/render/desired';
import { parseStackFile } from '../../modules/spec/stacks';
import { treeCaseArb, treeOf } from './trees';

const MINUTE = 60_000;
const WINDOWS = ['2026-03-28', '2026-10-24', '2026-04-04', '2026-03-05'].map((d) => Date.parse(`${d}T00:00:00Z`));
const BACKENDS: Backend[] = ['pagerduty', 'opsgenie', 'datadog'];

const stackOf = (backend: Backend) =>
  parseStackFile(
    `stacks/Pulumi.r-${backend}.yaml`,
    `r-${backend}`,
    `config:\n  oncall:backend: ${backend}\n  oncall:pagerdutySubdomain: r\n`,
  ).stack!;

describe('segments of change instants stand for every minute (property)', () => {
  it('on random organisations, every side, every unit', () => {
    fc.assert(
      fc.property(
        treeCaseArb,
        fc.constantFrom(...WINDOWS),
        fc.constantFrom(...BACKENDS),
        fc.constantFrom(...BACKENDS),
        fc.boolean(),
        (raw, from, sourceBackend, targetBackend, altered) => {
          // What validate refuses: low urgency on Opsgenie, a promise that follows holidays on PagerDuty.
          const both = [sourceBackend, targetBackend];
          const c = {
            ...raw,
            outside: both.includes('opsgenie') ? ('none' as const) : raw.outside,
            holidays: raw.holidays && !both.includes('pagerduty'),
          };
          const to = from + 30 * 60 * MINUTE;
          const analysis = analyse(treeOf(c, from), from, {
            stacks: [stackOf(sourceBackend), stackOf(targetBackend)],
            problems: [],
          });
          expect(analysis.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
          const org = analysis.organisation!;
          // The target is planned from the same tree, or from one where `ann` takes the off-hours rotation over all 30 hours.
          const extra = { ...c, override: { day: 0, hour: 0, hours: 30 } };
          const targetOrg = altered && !c.override ? analyse(treeOf(extra, from), from).organisation! : org;
          const engine = new EngineTimelines(org, from, to, EngineTimelines.horizon(org));
          const sides: Side[] = [
            stackSide('source', org, stackOf(sourceBackend), from),
            engineSide('teams', engine),
            stackSide('target', targetOrg, stackOf(targetBackend), from),
          ];
          const { units } = unitsOf(org, sides);
          expect(units.length).toBeGreaterThan(0);
          const report = rehearse({ org, sides, from, to, units });
          const flagged = new Set<string>();
          for (const m of [...report.mismatches, ...report.byDesign])
            for (let t = m.start; t < m.end; t += MINUTE) flagged.add(`${m.unit} ${t}`);
          const compareUrgency = !sides.some((s) => s.backend === 'opsgenie');
          let bruteMismatches = 0;
          let paged = 0;
          const wrong: string[] = [];
          for (const unit of units) {
            const name = unit.kind === 'squad' ? `squad ${unit.squad}` : `service ${unit.service}`;
            const starts = sides.map((side) => {
              const changes = new Changes(from, to);
              side.changes(unit, changes);
              return new Set(changes.starts());
            });
            const current = sides.map(() => '');
            for (let t = from; t < to; t += MINUTE) {
              const timelines = sides.map((s) => s.timeline(unit, t));
              timelines.forEach((tl, i) => {
                const k = JSON.stringify(tl);
                // Each side alone: constant between its own change instants.
                if (starts[i]!.has(t)) current[i] = k;
                else if (k !== current[i] && wrong.length < 3) wrong.push(`${sides[i]!.role} ${name} ${new Date(t).toISOString()}: ${k}`);
              });
              // Minute by minute, the sides' disagreements (whatever their kind) are the report's intervals.
              const signatures = timelines.map((tl) =>
                JSON.stringify([
                  tl.urgency === null ? null : compareUrgency ? tl.urgency : 'pages',
                  tl.notifications.map((n) => [n.after, n.people]),
                ]),
              );
              const differ = new Set(signatures).size > 1;
              if (timelines.every((tl) => tl.notifications.some((n) => n.people.length > 0))) paged++;
              if (differ) bruteMismatches++;
              if (flagged.has(`${name} ${t}`) !== differ && wrong.length < 3)
                wrong.push(`${name} ${new Date(t).toISOString()}: differ ${differ}`);
            }
          }
          expect(wrong).toEqual([]);
          expect(paged).toBeGreaterThan(0);
          if (altered && !c.override) expect(bruteMismatches).toBeGreaterThan(0);
          expect(report.mismatchingMinutes + report.byDesign.reduce((s, m) => s + m.minutes, 0)).toBe(bruteMismatches);
        },
      ),
      { numRuns: 4, seed: 20261130 },
    );
  }, 120_000);
});
