/**
 * The Datadog resource types every stack registers, whatever its paging backend (provider 5.11.0,
 * `@pulumi/datadog`): monitors, synthetic checks, SLOs, the status page, and the integration objects that give a
 * paging handle its key.
 */
import { describeType } from '../descriptor';
import { name, summaryOf } from '../summary';

const sdk = (className: string) => ({ package: '@pulumi/datadog', className }) as const;

export const DATADOG = {
  monitor: describeType({
    type: 'datadog:index/monitor:Monitor',
    kind: 'monitor',
    replaceOn: ['type'],
    guarded: true,
    policy: { alert: true },
    registration: sdk('Monitor'),
    summary: summaryOf(name),
  }),
  synthetics: describeType({
    type: 'datadog:index/syntheticsTest:SyntheticsTest',
    kind: 'synthetic check',
    replaceOn: ['type', 'subtype'],
    guarded: true,
    policy: { alert: true },
    registration: sdk('SyntheticsTest'),
    summary: summaryOf(name),
  }),
  slo: describeType({
    type: 'datadog:index/serviceLevelObjective:ServiceLevelObjective',
    kind: 'SLO',
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
    replaceOn: ['pageId'],
    guarded: true,
    registration: sdk('StatusPageComponent'),
    summary: summaryOf(name),
  }),
  /** What gives `@pagerduty-<service>` its key. */
  pagerdutyService: describeType({
    type: 'datadog:pagerduty/serviceObject:ServiceObject',
    kind: 'PagerDuty service in Datadog',
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
