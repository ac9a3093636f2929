/**
 * The Datadog resource types every stack registers, whatever its paging backend (provider 5.11.0,
 * `@pulumi/datadog`): monitors, synthetic checks, SLOs, the status page, and the integration objects that give a
 * paging handle its key.
 *
 * `replaceOn` is what the bridged provider replaces on: ForceNew fields (SDKv2 resources) and RequiresReplace
 * plan modifiers (framework resources), read at DataDog/terraform-provider-datadog@v4.19.0, the newest release
 * at hand below what 5.11.0 wraps, and for the status page resources on their branch at 879ff0dd8
 * (test/contracts/datadog/index.ts says how that was pinned, and holds the same lists).
 */
import { describeType } from '../descriptor';
import { name, summaryOf } from '../summary';

const sdk = (className: string) => ({ package: '@pulumi/datadog', className }) as const;

export const DATADOG = {
  monitor: describeType({
    type: 'datadog:index/monitor:Monitor',
    kind: 'monitor',
    // type ForceNew (datadog/resource_datadog_monitor.go#resourceDatadogMonitor).
    replaceOn: ['type'],
    // TypeSet in the same schema at v4.19.0: tags, restricted_roles, renotify_statuses, notify_by.
    setInputs: ['tags', 'restrictedRoles', 'renotifyStatuses', 'notifyBy'],
    guarded: true,
    policy: { alert: true },
    registration: sdk('Monitor'),
    summary: summaryOf(name),
  }),
  synthetics: describeType({
    type: 'datadog:index/syntheticsTest:SyntheticsTest',
    kind: 'synthetic check',
    // No ForceNew field: type and subtype update in place (datadog/resource_datadog_synthetics_test_.go).
    // locations is a TypeSet there at v4.19.0 (tags is a TypeList: its order counts).
    setInputs: ['locations'],
    guarded: true,
    policy: { alert: true },
    registration: sdk('SyntheticsTest'),
    summary: summaryOf(name),
  }),
  slo: describeType({
    type: 'datadog:index/serviceLevelObjective:ServiceLevelObjective',
    kind: 'SLO',
    // type ForceNew (datadog/resource_datadog_service_level_objective.go).
    replaceOn: ['type'],
    guarded: true,
    registration: sdk('ServiceLevelObjective'),
    summary: summaryOf(name),
  }),
  statusPage: describeType({
    type: 'datadog:index/statusPage:StatusPage',
    kind: 'status page',
    guarded: true,
    registration: sdk('StatusPage'),
    summary: summaryOf(name),
  }),
  statusComponent: describeType({
    type: 'datadog:index/statusPageComponent:StatusPageComponent',
    kind: 'status-page component',
    // page_id and type RequiresReplace (datadog/fwprovider/resource_datadog_status_page_component.go@879ff0dd8).
    // `components` too on that branch, but no longer documented as create-only by the 5.11.0 SDK: left out,
    // as in test/contracts/datadog/alerts.ts.
    replaceOn: ['pageId', 'type'],
    guarded: true,
    registration: sdk('StatusPageComponent'),
    summary: summaryOf(name),
  }),
  /** What gives `@pagerduty-<service>` its key. */
  pagerdutyService: describeType({
    type: 'datadog:pagerduty/serviceObject:ServiceObject',
    kind: 'PagerDuty service in Datadog',
    // service_name ForceNew (datadog/resource_datadog_integration_pagerduty_service_object.go).
    replaceOn: ['serviceName'],
    registration: sdk('pagerduty.ServiceObject'),
    summary: summaryOf(name),
  }),
  /** What gives `@opsgenie-<squad>` its key. */
  opsgenieService: describeType({
    type: 'datadog:opsgenie/serviceObject:ServiceObject',
    kind: 'Opsgenie service in Datadog',
    registration: sdk('opsgenie.ServiceObject'),
    summary: summaryOf(name),
  }),
};
