/**
 * Monitors, SLOs, synthetic tests, the PagerDuty/Opsgenie service objects and the status page. The SDKv2
 * resources (datadog/resource_datadog_*.go) validate with ValidateDiagFunc/ValidateFunc and fill the state
 * in their `update…State`/Read; the status page resources are framework resources.
 */
import type { DesiredResource, Value } from '../../../modules/render/desired';
import { DATADOG } from '../../../modules/backends/datadog/resources';
import { MONITOR } from '../../../modules/render/alerts/monitors';
import { SLO } from '../../../modules/render/alerts/slo';
import { SYNTHETICS } from '../../../modules/render/alerts/synthetics';
import type { ResourceContract } from '../contract';
import { Checker, list, obj, symbolic } from './rules';
import { API, TF, TF_STATUS_PAGE } from './sources';

const MON = `${TF}:datadog/resource_datadog_monitor.go`;
const SLO_SRC = `${TF}:datadog/resource_datadog_service_level_objective.go`;
const SYN = `${TF}:datadog/resource_datadog_synthetics_test_.go`;
const PD = `${TF}:datadog/resource_datadog_integration_pagerduty_service_object.go`;
const OG = `${TF}:datadog/resource_datadog_integration_opsgenie_service_object.go`;
const PAGE = `${TF_STATUS_PAGE}:datadog/fwprovider/resource_datadog_status_page.go`;
const COMPONENT = `${TF_STATUS_PAGE}:datadog/fwprovider/resource_datadog_status_page_component.go`;
const V1 = `${API}:.generator/schemas/v1/openapi.yaml`;

const copy = (r: DesiredResource): Record<string, Value> => JSON.parse(JSON.stringify(r.inputs)) as Record<string, Value>;

/** MonitorType (${V1}#/components/schemas/MonitorType), checked by ValidateEnumValue(datadogV1.NewMonitorTypeFromValue). */
const MONITOR_TYPES = [
  'composite',
  'event alert',
  'log alert',
  'metric alert',
  'process alert',
  'query alert',
  'rum alert',
  'service check',
  'synthetics alert',
  'trace-analytics alert',
  'slo alert',
  'event-v2 alert',
  'audit alert',
  'ci-pipelines alert',
  'ci-tests alert',
  'error-tracking alert',
  'database-monitoring alert',
  'network-performance alert',
  'cost alert',
  'data-quality alert',
  'network-path alert',
  'data-jobs alert',
  'llm-observability alert',
];

const COMPARISON = String.raw`(<=|>=|<|>|==|!=) ?-?\d+(\.\d+)?`;
/**
 * The query forms of `CreateMonitor` ("Query Types", ${V1}): the provider asks the API to validate the query
 * at plan (#resourceDatadogMonitorCustomizeDiff → ValidateMonitor), so a query the API refuses fails preview.
 */
const QUERY_FORMS: Record<string, RegExp> = {
  // time_aggr(time_window):space_aggr:metric{tags} [by {key}] operator #; time_window last_#m (≤10080), last_#h (≤168), last_1d, last_1w.
  'query alert': new RegExp(String.raw`^(avg|sum|min|max|change|pct_change|percentile)\(last_(\d+m|\d+h|1d|1w)\):.+ ${COMPARISON}$`),
  // logs(query).index(index_name).rollup(rollup_method[, measure]).last(time_window) operator #; #m (1–2880), #h (1–48).
  'log alert': new RegExp(
    String.raw`^logs\("(?:[^"\\]|\\.)*"\)\.index\("[^"]*"\)\.rollup\("(count|avg|cardinality)"(, ?"[^"]+")?\)(\.by\("[^"]*"\))?\.last\("\d+[mh]"\) ${COMPARISON}$`,
  ),
  // "check".over(tags).last(count).by(group).count_by_status(); `over` cannot be blank, count ≤ 100.
  'service check':
    /^"[^"]+"\.over\((\s*"[^"]+"\s*,?)+\)(\.by\((\s*"[^"]*"\s*,?)+\))?\.last\(\d+\)(\.by\((\s*"[^"]*"\s*,?)+\))?\.count_by_status\(\)$/,
};

function windowInRange(type: string, query: string): string | undefined {
  const m = /last(?:_|\(")(\d+)([mhdw])/.exec(query);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2];
  if (
    type === 'query alert' &&
    ((unit === 'm' && n > 10080) || (unit === 'h' && n > 168) || (unit === 'd' && n !== 1) || (unit === 'w' && n !== 1))
  )
    return `last_${n}${unit} is outside last_#m (1–10080), last_#h (1–168), last_1d, last_1w`;
  if (type === 'log alert' && ((unit === 'm' && (n < 1 || n > 2880)) || (unit === 'h' && (n < 1 || n > 48))))
    return `${n}${unit} is outside #m (1–2880), #h (1–48)`;
  return undefined;
}

const MONITOR_KEYS = [
  'name',
  'type',
  'query',
  'message',
  'escalationMessage',
  'priority',
  'tags',
  'monitorThresholds',
  'notifyNoData',
  'noDataTimeframe',
  'renotifyInterval',
  'includeTags',
  'requireFullWindow',
];

export const monitorContract: ResourceContract = {
  type: MONITOR,
  source: `${MON}#resourceDatadogMonitor`,
  validate(r) {
    const c = new Checker();
    const s = `${MON}#resourceDatadogMonitor`;
    const i = r.inputs;
    c.required(i, '', ['name', 'type', 'query', 'message'], s);
    c.known(i, '', MONITOR_KEYS, s);
    c.oneOf(i.type, 'type', MONITOR_TYPES, s);
    // #resourceDatadogMonitor: priority is a string, "Integer from 1 (high) to 5 (low)".
    if (i.priority !== undefined && (typeof i.priority !== 'string' || !/^[1-5]$/.test(i.priority)))
      c.fail('priority', `${JSON.stringify(i.priority)} is not "1"…"5"`, s);
    // notify_no_data ConflictsWith on_missing_data (not sent); thresholds ValidateFloatString.
    const th = obj(i.monitorThresholds) ?? {};
    for (const [k, v] of Object.entries(th)) {
      if (typeof v !== 'string' || !/^-?\d+(\.\d+)?$/.test(v))
        c.fail(`monitorThresholds.${k}`, `${JSON.stringify(v)} is not a number`, `${s} (ValidateFloatString)`);
    }
    // `ok` and `unknown` are service-check thresholds only (#resourceDatadogMonitor, monitor_thresholds).
    if (i.type !== 'service check' && (th.ok !== undefined || th.unknown !== undefined))
      c.fail('monitorThresholds', '`ok`/`unknown` only for a service check', s);
    const type = typeof i.type === 'string' ? i.type : '';
    const query = i.query;
    if (typeof query === 'string') {
      const form = QUERY_FORMS[type];
      if (form && !form.test(query.trim()))
        c.fail(
          'query',
          `${JSON.stringify(query)} is not a ${type} query as CreateMonitor documents it`,
          `${V1} (CreateMonitor, Query Types)`,
        );
      const range = windowInRange(type, query);
      if (range) c.fail('query', range, `${V1} (CreateMonitor, Query Types)`);
      if (type === 'service check') {
        const runs = Number(/\.last\((\d+)\)/.exec(query)?.[1] ?? 0);
        const max = Math.max(...Object.values(th).map(Number));
        // "count must be greater than or equal to your max threshold … limited to 100".
        if (runs > 100 || runs < max)
          c.fail('query', `last(${runs}) must be ≥ the largest threshold (${max}) and ≤ 100`, `${V1} (CreateMonitor, Service Check Query)`);
      }
    } else if (!symbolic(query)) c.fail('query', 'a query', s);
    // slo alert: error_budget("slo_id").over(window) or burn_rate("slo_id").over(window)…: the SLO id is a reference here.
    return c.out;
  },
  // #resourceDatadogMonitor: message, query and escalation_message have StateFunc TrimSpace, applied to the
  // planned value as to the state (no diff for surrounding spaces); #updateMonitorState: thresholds read via
  // fmt "%v" of float64 (numerically equal values: suppressDataDogFloatIntDiff), tags sorted (a TypeSet:
  // order makes no diff), priority FormatInt. The renderer writes each in the form read back.
  readBack: (r) => copy(r),
  // #resourceDatadogMonitor: Default or Computed fields left out of the inputs — notify_no_data (false),
  // no_data_timeframe (10, suppressed without notify_no_data), new_host_delay (300), include_tags (true),
  // require_full_window (true), evaluation_delay and restricted_roles (Computed), new_group_delay (read 0).
  computed: [
    'notifyNoData',
    'noDataTimeframe',
    'newHostDelay',
    'newGroupDelay',
    'includeTags',
    'requireFullWindow',
    'evaluationDelay',
    'restrictedRoles',
    'tags',
    'onMissingData',
    'groupRetentionDuration',
    'renotifyInterval',
    'renotifyOccurrences',
    'notifyAudit',
    'timeoutH',
    'escalationMessage',
    'priority',
    'draftStatus',
  ],
  // #resourceDatadogMonitor: type ForceNew.
  forceNew: ['type'],
};

export const sloContract: ResourceContract = {
  type: SLO,
  source: `${SLO_SRC}#resourceDatadogServiceLevelObjective`,
  validate(r) {
    const c = new Checker();
    const s = `${SLO_SRC}#resourceDatadogServiceLevelObjective`;
    const i = r.inputs;
    c.required(i, '', ['name', 'type', 'thresholds'], s);
    c.known(i, '', ['name', 'type', 'description', 'query', 'thresholds', 'tags'], s);
    c.oneOf(i.type, 'type', ['metric', 'monitor', 'time_slice'], `${s} (SLOType)`);
    if (i.type === 'metric') {
      const q = obj(i.query);
      if (!q) c.fail('query', 'a metric SLO needs numerator and denominator', s);
      else c.required(q, 'query.', ['numerator', 'denominator'], s);
    }
    list(i.thresholds).forEach((t, k) => {
      const th = obj(t) ?? {};
      c.required(th, `thresholds[${k}].`, ['timeframe', 'target'], s);
      c.oneOf(th.timeframe, `thresholds[${k}].timeframe`, ['7d', '30d', '90d', 'custom'], `${s} (SLOTimeframe)`);
      if (typeof th.target !== 'number' || th.target <= 0 || th.target >= 100)
        c.fail(`thresholds[${k}].target`, 'a percentage between 0 and 100', `${V1}#/components/schemas/SLOThreshold`);
    });
    return c.out;
  },
  // description, numerator and denominator: StateFunc trimStateValue with DiffSuppressFunc diffTrimmedValues.
  readBack: (r) => copy(r),
  // target_display, warning_display Computed; target_threshold, warning_threshold, timeframe Optional+Computed; tags Computed.
  computed: ['thresholds[].targetDisplay', 'thresholds[].warningDisplay', 'targetThreshold', 'warningThreshold', 'timeframe', 'tags'],
  forceNew: ['type'],
};

const ASSERTION_TYPES = [
  'body',
  'header',
  'statusCode',
  'certificate',
  'responseTime',
  'property',
  'recordEvery',
  'recordSome',
  'tlsVersion',
  'minTlsVersion',
  'latency',
  'packetLossPercentage',
  'packetsReceived',
  'networkHop',
  'receivedMessage',
  'grpcHealthcheckStatus',
  'grpcMetadata',
  'grpcProto',
  'connection',
  'multiNetworkHop',
  'jitter',
  'mcpToolNameLength',
  'mcpToolCount',
];
const OPERATORS = [
  'contains',
  'doesNotContain',
  'is',
  'isNot',
  'lessThan',
  'lessThanOrEqual',
  'moreThan',
  'moreThanOrEqual',
  'matches',
  'doesNotMatch',
  'validates',
  'isInMoreThan',
  'isInLessThan',
  'doesNotExist',
  'isUndefined',
];

function assertions(c: Checker, value: Value | undefined, path: string): void {
  list(value).forEach((a, k) => {
    const o = obj(a) ?? {};
    // #syntheticsAPIAssertion: type Required (SyntheticsAssertionType…), operator (SyntheticsAssertionOperator…).
    c.oneOf(o.type, `${path}[${k}].type`, ASSERTION_TYPES, `${SYN}#syntheticsAPIAssertion`);
    c.oneOf(o.operator, `${path}[${k}].operator`, OPERATORS, `${SYN}#syntheticsAPIAssertion`);
    if (o.target !== undefined && typeof o.target !== 'string') c.fail(`${path}[${k}].target`, 'a string', `${SYN}#syntheticsAPIAssertion`);
  });
}

export const syntheticsContract: ResourceContract = {
  type: SYNTHETICS,
  source: `${SYN}#resourceDatadogSyntheticsTest`,
  validate(r) {
    const c = new Checker();
    const s = `${SYN}#resourceDatadogSyntheticsTest`;
    const i = r.inputs;
    c.required(i, '', ['name', 'type', 'status', 'locations'], s);
    c.known(
      i,
      '',
      [
        'name',
        'type',
        'subtype',
        'status',
        'message',
        'tags',
        'locations',
        'optionsList',
        'requestDefinition',
        'requestHeaders',
        'assertions',
        'apiSteps',
      ],
      s,
    );
    c.oneOf(i.type, 'type', ['api', 'browser', 'mobile', 'network'], `${s} (SyntheticsTestDetailsType)`);
    c.oneOf(
      i.subtype,
      'subtype',
      ['http', 'ssl', 'tcp', 'dns', 'multi', 'icmp', 'udp', 'websocket', 'grpc'],
      `${s} (SyntheticsTestDetailsSubType)`,
    );
    c.oneOf(i.status, 'status', ['live', 'paused'], `${s} (SyntheticsTestPauseStatus)`);
    if (list(i.locations).length === 0) c.fail('locations', 'at least one location', s);
    const opts = obj(i.optionsList) ?? {};
    // #syntheticsTestOptionsList: tick_every IntBetween(30, 604800); monitor_priority IntBetween(1, 5).
    c.between(opts.tickEvery, 'optionsList.tickEvery', 30, 604800, `${SYN}#syntheticsTestOptionsList`);
    c.between(opts.monitorPriority, 'optionsList.monitorPriority', 1, 5, `${SYN}#syntheticsTestOptionsList`);
    const retry = obj(opts.retry);
    // retry: count "Maximum value: 3 for api tests", interval "Maximum value: 5000" (ms).
    if (retry) {
      c.between(retry.count, 'optionsList.retry.count', 0, 3, `${SYN}#syntheticsTestOptionsRetry`);
      c.between(retry.interval, 'optionsList.retry.interval', 0, 5000, `${SYN}#syntheticsTestOptionsRetry`);
    }
    if (i.subtype === 'multi') {
      if (list(i.apiSteps).length === 0) c.fail('apiSteps', 'a multistep test has steps', s);
      list(i.apiSteps).forEach((st, k) => {
        const step = obj(st) ?? {};
        const at = `apiSteps[${k}].`;
        c.required(step, at, ['name'], `${SYN}#syntheticsTestAPIStep`);
        c.oneOf(
          step.subtype,
          `${at}subtype`,
          ['http', 'grpc', 'ssl', 'dns', 'tcp', 'udp', 'icmp', 'websocket', 'mcp', 'wait', 'playSubTest'],
          `${SYN}#syntheticsTestAPIStep`,
        );
        assertions(c, step.assertions, `${at}assertions`);
        list(step.extractedValues).forEach((e, n) => {
          const ev = obj(e) ?? {};
          c.required(ev, `${at}extractedValues[${n}].`, ['name', 'type', 'parser'], `${SYN}#syntheticsTestAPIStep`);
          c.oneOf(
            ev.type,
            `${at}extractedValues[${n}].type`,
            ['grpc_message', 'grpc_metadata', 'http_body', 'http_header', 'http_status_code'],
            `${SYN}#syntheticsTestAPIStep (SyntheticsLocalVariableParsingOptionsType)`,
          );
          c.oneOf(
            obj(ev.parser)?.type,
            `${at}extractedValues[${n}].parser.type`,
            ['raw', 'json_path', 'regex', 'x_path'],
            `${SYN}#syntheticsTestAPIStep (SyntheticsGlobalVariableParserType)`,
          );
        });
      });
    } else assertions(c, i.assertions, 'assertions');
    return c.out;
  },
  readBack: (r) => copy(r),
  // monitor_id Computed; message Default ""; options_list min_location_failed (1), retry count (0)/interval (300),
  // monitor_options renotify_interval (0) Default; api_step subtype Default "http", id Computed.
  computed: [
    'monitorId',
    'message',
    'optionsList.minLocationFailed',
    'optionsList.retry',
    'optionsList.monitorOptions',
    'apiSteps[].id',
    'apiSteps[].subtype',
  ],
  // #resourceDatadogSyntheticsTest: no field is ForceNew (type and subtype included).
  forceNew: [],
};

export const pagerdutyServiceContract: ResourceContract = {
  type: DATADOG.pagerdutyService.type,
  source: `${PD}#resourceDatadogIntegrationPagerdutySO`,
  validate(r) {
    const c = new Checker();
    // Both Required; the Datadog–PagerDuty integration must be activated in the Datadog UI first (resource description).
    c.required(r.inputs, '', ['serviceName', 'serviceKey'], `${PD}#resourceDatadogIntegrationPagerdutySO`);
    c.known(r.inputs, '', ['serviceName', 'serviceKey'], `${PD}#resourceDatadogIntegrationPagerdutySO`);
    return c.out;
  },
  // The API never returns service keys: Read keeps the one in the state.
  readBack: (r) => copy(r),
  computed: [],
  // #resourceDatadogIntegrationPagerdutySO: service_name ForceNew.
  forceNew: ['serviceName'],
};

export const opsgenieServiceContract: ResourceContract = {
  type: DATADOG.opsgenieService.type,
  source: `${OG}#resourceDatadogIntegrationOpsgenieService`,
  validate(r) {
    const c = new Checker();
    const s = `${OG}#resourceDatadogIntegrationOpsgenieService`;
    c.required(r.inputs, '', ['name', 'opsgenieApiKey', 'region'], s);
    c.known(r.inputs, '', ['name', 'opsgenieApiKey', 'region', 'customUrl'], s);
    c.oneOf(r.inputs.region, 'region', ['us', 'eu', 'custom'], `${s} (OpsgenieServiceRegionType)`);
    if (r.inputs.region === 'custom' && r.inputs.customUrl === undefined) c.fail('customUrl', 'a custom region needs custom_url', s);
    return c.out;
  },
  // #updateOpsgenieServiceState: the key is kept (the API never returns it); custom_url read back ("" when none).
  readBack: (r) => copy(r),
  computed: ['customUrl'],
  forceNew: [],
};

export const statusPageContract: ResourceContract = {
  type: DATADOG.statusPage.type,
  source: `${PAGE}#Schema`,
  validate(r) {
    const c = new Checker();
    const s = `${PAGE}#Schema`;
    c.required(r.inputs, '', ['name', 'type', 'domainPrefix', 'visualizationType'], s);
    c.known(
      r.inputs,
      '',
      [
        'name',
        'type',
        'domainPrefix',
        'visualizationType',
        'subscriptionsEnabled',
        'slackSubscriptionsEnabled',
        'companyLogo',
        'favicon',
        'emailHeaderImage',
        'slackAppIcon',
      ],
      s,
    );
    c.oneOf(r.inputs.type, 'type', ['public', 'internal'], s);
    c.oneOf(r.inputs.visualizationType, 'visualizationType', ['bars_and_uptime_percentage', 'bars_only', 'component_name_only'], s);
    return c.out;
  },
  readBack: (r) => copy(r),
  computed: [
    'enabled',
    'customDomain',
    'customDomainEnabled',
    'pageUrl',
    'subscriptionsEnabled',
    'slackSubscriptionsEnabled',
    'companyLogo',
    'favicon',
    'emailHeaderImage',
    'slackAppIcon',
    'createdAt',
    'modifiedAt',
  ],
  forceNew: [],
};

export const statusComponentContract: ResourceContract = {
  type: DATADOG.statusComponent.type,
  source: `${COMPONENT}#Schema`,
  validate(r, ctx) {
    const c = new Checker();
    const s = `${COMPONENT}#Schema`;
    const i = r.inputs;
    c.required(i, '', ['pageId', 'name', 'type', 'position'], s);
    c.known(i, '', ['pageId', 'name', 'type', 'position', 'components'], s);
    c.oneOf(i.type, 'type', ['component', 'group'], s);
    // position: between 0 and the number of components already on the page; a position depending on a
    // sibling needs `dependsOn` on it to be created in order.
    const siblings = [...ctx.resources.values()].filter(
      (o) => o.type === DATADOG.statusComponent.type && JSON.stringify(o.inputs.pageId) === JSON.stringify(i.pageId),
    );
    const position = typeof i.position === 'number' ? i.position : -1;
    if (position < 0 || position >= siblings.length + 1) c.fail('position', `${position} is outside 0–${siblings.length}`, s);
    const before = siblings.find((o) => o.inputs.position === position - 1);
    if (position > 0 && (!before || !(r.options?.dependsOn ?? []).includes(before.name)))
      c.fail('position', `position ${position} needs dependsOn on the component at ${position - 1}`, s);
    if (i.components !== undefined && i.type !== 'group') c.fail('components', 'sub-components only in a group', s);
    list(i.components).forEach((m, k) => {
      const sub = obj(m) ?? {};
      c.required(sub, `components[${k}].`, ['name', 'type', 'position'], s);
      c.oneOf(sub.type, `components[${k}].type`, ['component'], s);
    });
    return c.out;
  },
  readBack: (r) => copy(r),
  computed: ['status', 'createdAt', 'modifiedAt', 'components[].id', 'components[].status'],
  // page_id and type RequiresReplace; components RequiresReplace on the branch read (not in the 5.11.0 SDK's description).
  forceNew: ['pageId', 'type'],
};

export const alertContracts: ResourceContract[] = [
  monitorContract,
  sloContract,
  syntheticsContract,
  pagerdutyServiceContract,
  opsgenieServiceContract,
  statusPageContract,
  statusComponentContract,
];
