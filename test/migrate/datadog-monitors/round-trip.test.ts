/**
 * GIVEN each organisation's monitors and synthetic tests, rendered and published as the provider creates them
 * (DataDog/terraform-provider-datadog@v4.19.0 `buildMonitorStruct`, `buildDatadogSyntheticsAPITest`), WHEN
 * they are imported back into the organisation with its alerts removed, THEN rendering the imported alerts
 * gives the same resources, input for input (the first plan after the import shows no change), and the
 * observed state under the planned names equals the plan.
 */
import { describe, expect, it } from 'vitest';
import { DATADOG } from '../../../modules/backends/datadog/resources';
import { renameObserved } from '../../../modules/migrate/rename';
import { diffStates } from '../../../modules/render/diff';
import type { DesiredResource, Value } from '../../../modules/render/desired';
import { ORGANISATIONS, organisationOf, roundTrip } from './round-trip';

/**
 * Monitor tags are a set to the provider (`tags` is a TypeSet, sorted on create and read:
 * resource_datadog_monitor.go@v4.19.0), and so are a test's `locations` (resource_datadog_synthetics_test_.go):
 * their order is no change. Monitor thresholds that are the same number are no change either
 * (`monitor_thresholds` has `DiffSuppressFunc: suppressDataDogFloatIntDiff`, same file: `0.990` is `0.99`).
 */
function comparable(r: DesiredResource): Record<string, Value> {
  const inputs = { ...r.inputs };
  if (r.type === DATADOG.monitor.type && Array.isArray(inputs.tags)) inputs.tags = [...inputs.tags].sort();
  const t = inputs.monitorThresholds;
  if (r.type === DATADOG.monitor.type && t !== null && typeof t === 'object' && !Array.isArray(t))
    inputs.monitorThresholds = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, String(Number(v))]));
  if (r.type === DATADOG.synthetics.type && Array.isArray(inputs.locations)) inputs.locations = [...inputs.locations].sort();
  return inputs;
}

const CASES = ORGANISATIONS.flatMap((o) => (['pagerduty', 'opsgenie', 'datadog'] as const).map((backend) => ({ ...o, backend })));

describe.each(CASES)('monitors of $name on a $backend stack', ({ tree, backend }) => {
  const { before, result, after, imported } = roundTrip(tree(), backend);

  it('imports every monitor and check into alerts that validate', () => {
    expect(before.length).toBeGreaterThan(0);
    expect(() => organisationOf(imported)).not.toThrow();
    expect(result.counts.imported).toBe(before.length);
    expect(result.findings).toEqual([]);
  });

  it('renders the same resources from the imported alerts', () => {
    expect(after.map((r) => r.name).sort()).toEqual(before.map((r) => r.name).sort());
    const byName = new Map(after.map((r) => [r.name, r]));
    for (const r of before)
      expect({ name: r.name, inputs: comparable(byName.get(r.name) ?? r) }).toEqual({ name: r.name, inputs: comparable(r) });
  });

  it('links each observed object to the resource planned for it, with no change against the plan', () => {
    const renamed = renameObserved(result.observed, result.links);
    const planned = new Set(before.map((r) => r.name));
    const adopted = renamed.resources.filter((r) => planned.has(r.name));
    expect(adopted.map((r) => r.name).sort()).toEqual([...planned].sort());
    const sorted = (rs: readonly DesiredResource[]) => rs.map((r) => ({ ...r, inputs: comparable(r) }));
    const diff = diffStates({ stack: 's', backend, resources: sorted(adopted) }, { stack: 's', backend, resources: sorted(before) });
    expect(diff.update.map((u) => ({ name: u.resource.name, changes: u.changes }))).toEqual([]);
    expect(diff.create).toEqual([]);
    expect(diff.replace).toEqual([]);
  });
});
