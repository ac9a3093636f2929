/**
 * Bench rows about hostile and outsized input: a fuzz run (crashes, slow inputs, unpositioned problems must
 * all be 0), one large file against the same alerts split over files (parsing linear in the file), and a
 * roster of an hourly rotation of 500 people over a quarter and a year (linear in shifts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../pipeline';
import { roster } from '../schedule/roster';
import type { SourceTree } from '../spec/source';
import { generateOrganisation } from './generate';
import { documentedCodes, hostileCase, runCase } from './hostile';
import { summarise, time } from './measure';

export interface BenchRow {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  readonly ok: boolean | null;
}

export interface RowsAndFigures {
  readonly rows: BenchRow[];
  readonly figures: Record<string, number>;
}

const NOW = Date.parse('2026-11-22T12:00:00+01:00');
const WEEK = 7 * 86_400_000;

/** `count` seeded hostile organisations, each loaded and analysed as `validate` does. */
export function fuzzRows(count: number): RowsAndFigures {
  const documented = documentedCodes(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'problems.md'), 'utf8'));
  const base = generateOrganisation({ squads: 1, peoplePerSquad: 4, alertsPerSquad: 3 });
  runCase({ seed: -1, tree: base }, NOW, documented); // warm-up: schemas compiled, code optimised, as in a running CLI
  let crashes = 0;
  let slow = 0;
  let unpositioned = 0;
  const times: number[] = [];
  for (let seed = 0; seed < count; seed++) {
    const outcome = runCase(hostileCase(base, seed), NOW, documented);
    if (outcome.crash !== undefined) crashes++;
    if (outcome.ms > 1000) slow++;
    unpositioned += outcome.unpositioned.length;
    times.push(outcome.ms);
  }
  const t = summarise(times);
  return {
    rows: [
      {
        measure: `fuzz: ${count.toLocaleString('en')} hostile organisations (nesting, odd bytes, huge numbers, odd keys, file-system faults)`,
        value: `${crashes} crashes, ${slow} over 1 s, ${unpositioned} unpositioned problems; median ${t.median.toFixed(1)} ms, max ${t.max.toFixed(0)} ms`,
        target: '≥ 10,000 inputs, 0 / 0 / 0',
        ok: count >= 10_000 && crashes === 0 && slow === 0 && unpositioned === 0,
      },
    ],
    figures: { fuzzInputs: count, fuzzCrashes: crashes, fuzzOverOneSecond: slow, fuzzUnpositioned: unpositioned, fuzzMaxMs: t.max },
  };
}

/** The same alerts in one squad's file or split over `parts` squads' files. */
export function largeFileRows(alerts: number, parts: number, runs: number): RowsAndFigures {
  const one = generateOrganisation({ squads: 1, alertsPerSquad: alerts });
  const split = generateOrganisation({ squads: parts, alertsPerSquad: alerts / parts });
  const single = time(runs, () => analyse(one, NOW));
  const spread = time(runs, () => analyse(split, NOW));
  const ratio = single.median / spread.median;
  return {
    rows: [
      {
        measure: `validate, ${alerts.toLocaleString('en')} alerts in one file vs over ${parts} files`,
        value: `${single.median.toFixed(0)} ms vs ${spread.median.toFixed(0)} ms, ${ratio.toFixed(2)}×`,
        target: '≤ 1.5× (linear in the file)',
        ok: ratio <= 1.5,
      },
    ],
    figures: { largeFileMs: single.median, splitFilesMs: spread.median, largeFileRatio: ratio },
  };
}

function hourlyOrganisation(members: number): SourceTree {
  const ids = Array.from({ length: members }, (_, i) => `p${i}`);
  const files = new Map([
    [
      'org.yaml',
      `name: Hourly\ndefaults: { timezone: Europe/Paris, every: 1w, handoff: monday 09:00, responseTarget: 1h }\npeople:\n${ids.map((i) => `  ${i}: { name: P ${i}, email: ${i}@bench.example }`).join('\n')}\n`,
    ],
    [
      'night/team.yaml',
      `name: Night\nmanager: p0\nmembers: [${ids.join(', ')}]\nrotations:\n  oncall:\n    members: [${ids.join(', ')}]\n    start: 2026-01-05\n    every: 1h\n    handoff: "09:00"\nunavailable:\n${ids
        .slice(0, 50)
        .map((i, k) => `  - { person: ${i}, from: 2026-0${1 + (k % 9)}-10, to: 2026-0${1 + (k % 9)}-20 }`)
        .join('\n')}\nescalations:\n  night:\n    steps:\n      - notify: on-call\n`,
    ],
  ]);
  return { root: 'teams', files, oversized: new Map() };
}

/** Cost per shift of a roster over 13 and 52 weeks of a 500-member hourly rotation. */
export function hourlyRosterRows(runs: number, members = 500): RowsAndFigures {
  const { organisation } = analyse(hourlyOrganisation(members), NOW);
  if (!organisation) throw new Error('the hourly organisation is not valid');
  let quarterShifts = 0;
  let yearShifts = 0;
  const quarter = time(runs, () => (quarterShifts = roster(organisation, NOW, NOW + 13 * WEEK).length));
  const year = time(runs, () => (yearShifts = roster(organisation, NOW, NOW + 52 * WEEK).length));
  const perShiftRatio = year.median / yearShifts / (quarter.median / quarterShifts);
  return {
    rows: [
      {
        measure: `roster of a ${members}-member hourly rotation: a year (${yearShifts.toLocaleString('en')} shifts) vs a quarter`,
        value: `${year.median.toFixed(0)} ms vs ${quarter.median.toFixed(0)} ms, ${perShiftRatio.toFixed(2)}× the cost per shift`,
        target: '≤ 1.5× per shift (linear), year < 2 s',
        ok: perShiftRatio <= 1.5 && year.median < 2000,
      },
    ],
    figures: { hourlyYearMs: year.median, hourlyQuarterMs: quarter.median, hourlyPerShiftRatio: perShiftRatio },
  };
}
