/**
 * Cost proportional to input, counted rather than timed (timings are `npm run bench`'s): positions are
 * found without scanning a mapping per lookup, and a roster reads the absences once per rotation, not once
 * per shift. Issue 18, finding 8.
 */
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar } from 'yaml';
import { loadOrganisation } from '../../modules/model/load';
import type { Organisation } from '../../modules/model/types';
import { roster } from '../../modules/schedule/roster';
import { parseYaml, positionAt } from '../../modules/spec/yaml-document';
import { fixtureTree, withFiles } from '../helpers';

/** A read-only view of `list` that counts how many of its items are read. */
function counted<T>(list: readonly T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(list as T[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^[0-9]+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list: proxy, reads: () => reads };
}

describe('positions in a large file', () => {
  it('are found by key: every alert of 3,000 located with a few reads per alert, not a scan each', () => {
    const n = 3000;
    const text = `alerts:\n${Array.from({ length: n }, (_, i) => `  a${i}:\n    title: Alert ${i}\n`).join('')}`;
    const { parsed } = parseYaml('alerts.yaml', text);
    const root = parsed!.doc.contents;
    const alerts = isMap(root) ? root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'alerts')?.value : undefined;
    if (!isMap(alerts)) throw new Error('no alerts mapping');
    const items = counted(alerts.items);
    alerts.items = items.list;
    for (let i = 0; i < n; i++) expect(positionAt(parsed!, ['alerts', `a${i}`, 'title']).line).toBe(3 + 2 * i);
    // One pass to index the mapping; a scan per lookup would read n²/2 = 4.5 million items.
    expect(items.reads()).toBeLessThanOrEqual(3 * n);
  });
});

describe('a roster of an hourly rotation', () => {
  it('reads each absence a bounded number of times, whatever the number of shifts', () => {
    const night = [
      'name: Night',
      'manager: manon',
      'members: [alice, bruno]',
      'rotations:',
      '  oncall:',
      '    members: [alice, bruno]',
      '    start: 2026-01-05',
      '    every: 1h',
      '    handoff: "09:00"',
      'unavailable:',
      ...Array.from(
        { length: 40 },
        (_, i) =>
          `  - { person: ${i % 2 ? 'alice' : 'bruno'}, from: 2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12) * 7).padStart(2, '0')}, to: 2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(3 + Math.floor(i / 12) * 7).padStart(2, '0')} }`,
      ),
      'escalations:',
      '  night:',
      '    steps:',
      '      - notify: on-call',
      '',
    ].join('\n');
    const { organisation, problems } = loadOrganisation(withFiles({ 'night/team.yaml': night }, fixtureTree()));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const absences = counted(organisation!.unavailability);
    const org: Organisation = { ...organisation!, unavailability: absences.list };
    const from = Date.parse('2026-03-02T00:00:00Z');
    const rows = roster(org, from, from + 4 * 7 * 86_400_000, 'night');
    expect(rows.length).toBeGreaterThanOrEqual(4 * 7 * 24);
    // Once per rotation (40 absences of 40 listed); reading them per shift would be 672 × 40 = 26,880.
    expect(absences.reads()).toBeLessThanOrEqual(2 * organisation!.unavailability.length);
  });
});
