/**
 * The bench rows of leaving Opsgenie on a tiny account (3 squads, 1 run, servers in this process): the rows are
 * produced, the account holds what the generator says it made, every monitor comes back as an alert, and the
 * rehearsal of the imported account finds 0 mismatching minutes over 26 weeks from 2026-11-22 (the spring changes of
 * clocks in Europe, America and Australia's autumn one included). The figures are not judged here.
 */
import { describe, expect, it } from 'vitest';
import { importRows } from '../../modules/bench/import-rows';

describe('bench rows: import of an Opsgenie account and its monitors, and its rehearsal', () => {
  it('produces the four rows, and the rehearsal finds 0 mismatching minutes', async () => {
    const result = await importRows({ squads: 3, runs: 1, weeks: 26, childServers: false });
    expect(result.rows.map((r) => r.measure.split(':')[0]!.split(' (')[0])).toEqual([
      'reference',
      'import an Opsgenie account from its API on 127.0.0.1',
      'import 150 Datadog monitors',
      'rehearsal, 26 weeks',
    ]);
    // Counted from the generator's shapes, not from the account: squads 0, 1, 2 are weekly (1 rotation),
    // business + off hours (2), primary + secondary (2); each has 2 standby rotations. Opsgenie: a schedule each.
    expect(result.figures.importTeams).toBe(3);
    expect(result.figures.importSchedules).toBe(1 + 2 + 2 + 3 * 2);
    // 56 alerts a squad, of which 6 SLOs (every tenth from the third): 50 monitors, the synthetic test's included.
    expect(result.figures.monitorsPublished).toBe(3 * 50);
    expect(result.figures.monitorsAlerts).toBe(3 * 50);
    expect(result.figures.importErrors).toBe(0);
    // Each squad, and the service named after it: an Opsgenie account has no services of its own (the squads'
    // services are Datadog's), and the import gives each squad one so that PagerDuty, paged by service, pages it.
    expect(result.rehearsal.units).toBe(3 * 2);
    expect(result.rehearsal.unreadable).toBe(0);
    expect(result.rehearsal.mismatchingMinutes).toBe(0);
    expect(result.rehearsal.exitCode).toBe(0);
    expect(result.figures.rehearsalComparedMinutes).toBe(3 * 2 * 26 * 7 * 24 * 60);

    for (const row of result.rows.slice(1)) expect(row.target, row.measure).not.toBe('');
  }, 60_000);
});
