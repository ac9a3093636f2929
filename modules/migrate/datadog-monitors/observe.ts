/**
 * The monitors and synthetic tests of an account in the provider's input form (`@pulumi/datadog` 5.11.0:
 * `Monitor`, `SyntheticsTest`), as its Read stores them: DataDog/terraform-provider-datadog@v4.19.0
 * datadog/resource_datadog_monitor.go `updateMonitorState` (thresholds as `%v` of the number, priority as
 * text, tags sorted) and datadog/resource_datadog_synthetics_test_.go `updateSyntheticsAPITestLocalState`,
 * `buildTerraformAssertions` (targets as text), `buildTerraformTestOptions`. Inputs the renderer leaves out
 * (modules/render/alerts) are left out when the account holds the provider's default for them, so that a plan
 * compares like with like; other values are kept.
 */
import { DATADOG } from '../../backends/datadog/resources';
import type { Backend, Value } from '../../render/desired';
import type { ObservedResource, ObservedState } from '../account';
import type { ApiAssertion, ApiMonitor, ApiRequest, ApiStep, ApiSyntheticsTest } from './api-types';

const text = (n: number) => String(n);
/** The squad as the `team:` tag writes it (the import resolves names; the observed state keeps the account's word). */
const teamOf = (tags: readonly string[] | undefined) => tags?.find((t) => t.startsWith('team:'))?.slice(5) ?? '';

function compact(o: Record<string, Value | undefined>): Record<string, Value> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, Value>;
}

function observeMonitor(m: ApiMonitor): ObservedResource {
  const o = m.options ?? {};
  const t = o.thresholds ?? {};
  const thresholds = compact({
    critical: t.critical === undefined ? undefined : text(t.critical),
    warning: t.warning == null ? undefined : text(t.warning),
    ok: t.ok == null ? undefined : text(t.ok),
    unknown: t.unknown == null ? undefined : text(t.unknown),
    criticalRecovery: t.critical_recovery == null ? undefined : text(t.critical_recovery),
    warningRecovery: t.warning_recovery == null ? undefined : text(t.warning_recovery),
  });
  const notifyNoData = o.notify_no_data === true;
  const inputs = compact({
    name: m.name ?? '',
    type: m.type,
    query: m.query,
    message: m.message ?? '',
    escalationMessage: o.escalation_message ? o.escalation_message : undefined,
    priority: typeof m.priority === 'number' ? text(m.priority) : undefined,
    tags: [...(m.tags ?? [])].sort(),
    monitorThresholds: Object.keys(thresholds).length > 0 ? thresholds : undefined,
    notifyNoData,
    // The provider's default (10) is what an account without notify_no_data holds: the renderer sets it only with it.
    noDataTimeframe: notifyNoData ? (o.no_data_timeframe ?? 10) : undefined,
    renotifyInterval: o.renotify_interval ? o.renotify_interval : undefined,
    includeTags: o.include_tags ?? true,
    requireFullWindow: o.require_full_window ?? false,
    evaluationDelay: o.evaluation_delay ? o.evaluation_delay : undefined,
    newGroupDelay: o.new_group_delay ? o.new_group_delay : undefined,
    timeoutH: o.timeout_h ? o.timeout_h : undefined,
    onMissingData: o.on_missing_data ? o.on_missing_data : undefined,
  });
  return {
    type: DATADOG.monitor.type,
    name: `monitor/${m.id}`,
    squad: teamOf(m.tags),
    inputs,
    id: String(m.id),
    from: { backend: 'datadog', type: 'monitor', id: String(m.id), ...(m.name ? { name: m.name } : {}) },
  };
}

function assertion(a: ApiAssertion): Value {
  return compact({
    type: a.type,
    operator: a.operator,
    property: a.property,
    target: a.target === undefined ? undefined : String(a.target),
  });
}

function requestInputs(r: ApiRequest | undefined): Record<string, Value> {
  if (!r) return {};
  return compact({
    requestDefinition: compact({ method: r.method, url: r.url, body: r.body ? r.body : undefined }),
    requestHeaders: r.headers && Object.keys(r.headers).length > 0 ? { ...r.headers } : undefined,
  });
}

function apiStep(s: ApiStep): Value {
  return compact({
    name: s.name,
    subtype: s.subtype,
    ...requestInputs(s.request),
    assertions: (s.assertions ?? []).map(assertion),
    extractedValues:
      s.extractedValues && s.extractedValues.length > 0
        ? s.extractedValues.map((v) =>
            compact({ name: v.name, type: v.type, parser: compact({ type: v.parser?.type, value: v.parser?.value }) }),
          )
        : undefined,
  });
}

function observeTest(t: ApiSyntheticsTest, details: ApiSyntheticsTest | undefined): ObservedResource {
  const o = t.options ?? {};
  const mo = o.monitor_options ?? {};
  const steps = (details ?? t).config?.steps;
  const inputs = compact({
    name: t.name ?? '',
    type: t.type ?? 'api',
    status: t.status ?? 'live',
    message: t.message ?? '',
    tags: [...(t.tags ?? [])],
    locations: [...(t.locations ?? [])],
    optionsList: compact({
      tickEvery: o.tick_every,
      minLocationFailed: o.min_location_failed,
      retry: o.retry ? compact({ count: o.retry.count, interval: o.retry.interval }) : undefined,
      monitorPriority: o.monitor_priority,
      monitorName: o.monitor_name,
      monitorOptions: compact({
        renotifyInterval: mo.renotify_interval ? mo.renotify_interval : undefined,
        escalationMessage: mo.escalation_message || undefined,
      }),
    }),
    subtype: t.subtype,
    ...(t.subtype === 'multi'
      ? { apiSteps: (steps ?? []).map(apiStep) }
      : { ...requestInputs(t.config?.request), assertions: (t.config?.assertions ?? []).map(assertion) }),
  });
  return {
    type: DATADOG.synthetics.type,
    name: `synthetics/${t.public_id}`,
    squad: teamOf(t.tags),
    inputs,
    id: t.public_id,
    from: { backend: 'datadog', type: 'synthetics test', id: t.public_id, ...(t.name ? { name: t.name } : {}) },
  };
}

export function observeMonitors(
  monitors: readonly ApiMonitor[],
  tests: readonly ApiSyntheticsTest[],
  details: ReadonlyMap<string, ApiSyntheticsTest>,
  stack = 'datadog-monitors',
  backend: Backend = 'datadog',
): ObservedState {
  // A synthetic test's own monitor is the test's: observed (and adopted) through the test.
  const resources = [
    ...monitors.filter((m) => m.type !== 'synthetics alert').map(observeMonitor),
    ...tests.map((t) => observeTest(t, details.get(t.public_id))),
  ];
  return { stack, backend, resources };
}
