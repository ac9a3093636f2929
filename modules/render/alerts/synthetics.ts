/** Datadog synthetic API tests: an HTTP check ("check for string") and a multi-step customer journey. */
import type { Alert, Organisation } from '../../model/types';
import type { ExpectSpec, RequestSpec } from '../../spec/types';
import { parseDuration } from '../../core/duration';
import type { DesiredResource, Value } from '../desired';
import { compact } from '../desired';
import { alertMessage, escalationMessage } from './message';
import { alertName, alertTags, priorityOf } from './naming';

import { DATADOG } from '../../backends/datadog/resources';
export const SYNTHETICS = DATADOG.synthetics.type;
export const DEFAULT_LOCATIONS = ['aws:eu-west-3', 'aws:eu-central-1'];

function assertions(expect: ExpectSpec | undefined): Value[] {
  const out: Value[] = [{ type: 'statusCode', operator: 'is', target: String(expect?.status ?? 200) }];
  if (expect?.bodyContains) out.push({ type: 'body', operator: 'contains', target: expect.bodyContains });
  const max = expect?.maxResponseTime ? parseDuration(expect.maxResponseTime)?.seconds : undefined;
  if (max !== undefined) out.push({ type: 'responseTime', operator: 'lessThan', target: String(max * 1000) });
  return out;
}

function request(r: RequestSpec): { requestDefinition: Value; requestHeaders?: Value } {
  return compact({ requestDefinition: compact({ method: r.method ?? 'GET', url: r.url, body: r.body }), requestHeaders: r.headers });
}

export function renderSynthetic(org: Organisation, alert: Alert, handle: string | undefined): DesiredResource {
  const spec = alert.spec;
  const tickEvery = parseDuration(spec.every ?? '5m')?.seconds ?? 300;
  const renotify = spec.renotify ? Math.round((parseDuration(spec.renotify)?.seconds ?? 0) / 60) : undefined;
  const common = {
    name: alertName(alert),
    type: 'api',
    status: 'live',
    message: alertMessage(org, alert, handle),
    tags: alertTags(alert),
    locations: spec.locations ?? DEFAULT_LOCATIONS,
    optionsList: compact({
      tickEvery,
      minLocationFailed: 1,
      retry: { count: 1, interval: 300 },
      monitorPriority: Number(priorityOf(alert)),
      monitorName: alertName(alert),
      monitorOptions: compact({ renotifyInterval: renotify, escalationMessage: escalationMessage(alert) }),
    }),
  };
  const inputs: Record<string, Value> =
    alert.kind === 'http-check'
      ? { ...common, subtype: 'http', ...request(spec.request!), assertions: assertions(spec.expect) }
      : {
          ...common,
          subtype: 'multi',
          apiSteps: (spec.steps ?? []).map((step) =>
            compact({
              name: step.name,
              subtype: 'http',
              ...request(step.request),
              assertions: assertions(step.expect),
              extractedValues: step.extract
                ? Object.entries(step.extract).map(([name, path]) => ({ name, type: 'http_body', parser: { type: 'json_path', value: path } }))
                : undefined,
            }),
          ),
        };
  return { type: SYNTHETICS, name: `${alert.id}-check`, squad: alert.team, inputs, origin: { kind: 'alert', squad: alert.team, id: alert.id } };
}
