/**
 * GIVEN an account where the monitors of the organisation's alerts are provisioned (managed tag) and others were
 * made by hand, WHEN its monitors are imported, THEN the audit's managed share goes from its first value to 100%:
 * right after the import, before any `pulumi up` tags them, a monitor counts as managed when an alert of its squad
 * renders it (modules/checks/managed-monitors.ts). The expected shares are counted here from the export itself.
 */
import { describe, expect, it } from 'vitest';
import { audit, parseMonitorsExport } from '../../../modules/checks/audit';
import { publishMonitors } from '../../../modules/bench/api/datadog-monitors-publish';
import { MONITORS_KEY, type ApiMonitor } from '../../../modules/migrate/datadog-monitors/api-types';
import { importDatadogMonitors } from '../../../modules/migrate/datadog-monitors/import';
import type { AccountExport } from '../../../modules/migrate/account';
import { fixtureTree, NOW } from '../../helpers';
import { exportedAccount, organisationOf, renderedAlerts, withImported } from './round-trip';

const MANAGED = 'managed-by:oncall-as-code';

const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

async function scenario(keep: (m: ApiMonitor) => boolean) {
  const org = organisationOf(fixtureTree());
  const provisioned = publishMonitors(renderedAlerts(org, 'pagerduty')).monitors;
  const handMade = ((await exportedAccount()).endpoints.get(MONITORS_KEY) as ApiMonitor[]).filter(keep);
  const monitors = [...provisioned, ...handMade];
  const exported = parseMonitorsExport(JSON.parse(JSON.stringify(monitors)));
  if (typeof exported === 'string') throw new Error(exported);
  const base = await exportedAccount();
  const account: AccountExport = { ...base, endpoints: new Map([...base.endpoints, [MONITORS_KEY, monitors]]) };
  const before = audit(org, NOW, { monitors: exported, today: '2026-01-01' });
  const result = importDatadogMonitors(account, org);
  const after = audit(organisationOf(withImported(fixtureTree(), result)), NOW, { monitors: exported, today: '2026-01-01' });
  return { provisioned, handMade, monitors, before, after, result };
}

/** Hand-made monitors whose whole object the import leaves out, by the import's own findings on the plain export. */
const NOT_IMPORTABLE = new Set(['2006', '2008', '2009', '2010', '2103', '2104']);

describe("the audit's managed share", () => {
  it('reaches 100% once the monitors the YAML can say are imported', async () => {
    const { provisioned, handMade, before, after } = await scenario((m) => !NOT_IMPORTABLE.has(String(m.id)));
    expect(provisioned.every((m) => (m.tags ?? []).includes(MANAGED))).toBe(true);
    expect(handMade.every((m) => !(m.tags ?? []).includes(MANAGED))).toBe(true);
    // Before: only the provisioned monitors are managed.
    const total = provisioned.length + handMade.length;
    const unmanagedBefore = before.teams.reduce((n, t) => n + (t.unmanagedMonitors ?? 0), 0);
    expect(unmanagedBefore).toBe(handMade.length);
    expect(before.unassignedMonitors).toBe(0);
    expect(percent(total - unmanagedBefore, total)).toBe(percent(provisioned.length, total));
    expect(before.teams.some((t) => (t.managedSharePercent ?? 100) < 100)).toBe(true);
    // After: every squad's share is 100%.
    expect(after.teams.map((t) => [t.team, t.managedSharePercent, t.unmanagedMonitorNames])).toEqual(
      before.teams.map((t) => [t.team, 100, []]),
    );
  });

  it('leaves unmanaged exactly the monitors not imported, and unassigned those of no squad', async () => {
    const { handMade, after, result } = await scenario(() => true);
    const unmanaged = after.teams.flatMap((t) => t.unmanagedMonitorNames ?? []).sort();
    const notImported = handMade.filter((m) => NOT_IMPORTABLE.has(String(m.id)) && !['2009', '2010'].includes(String(m.id)));
    expect(unmanaged).toEqual(notImported.map((m) => m.name).sort());
    expect(after.unassignedMonitors).toBe(2);
    // The import says why for each of them.
    const whole = new Set(result.findings.filter((f) => f.what.startsWith('the whole')).map((f) => f.source.name));
    for (const name of unmanaged) expect(whole.has(name), name).toBe(true);
  });
});
