/** Datadog synthetic API tests: an HTTP check ("check for string") and a multi-step customer journey. */
import type { HttpExpectation, HttpRequest, Organisation, SyntheticCheckAlert } from '../../model/types';
import type { DesiredResource, Value } from '../desired';
import { compact } from '../desired';
import { alertMessage, escalationMessage } from './message';
import { alertName, alertTags, priorityOf } from './naming';
import { DATADOG } from '../../backends/datadog/resources';

export const SYNTHETICS = DATADOG.synthetics.type;

function assertions(expect: HttpExpectation): Value[] {
  const out: Value[] = [{ type: 'statusCode', operator: 'is', target: String(expect.status) }];
  if (expect.bodyContains) out.push({ type: 'body', operator: 'contains', target: expect.bodyContains });
  if (expect.maxResponseTime)
    out.push({ type: 'responseTime', operator: 'lessThan', target: String(expect.maxResponseTime.seconds * 1000) });
  return out;
}

function request(r: HttpRequest): { requestDefinition: Value; requestHeaders?: Value } {
  return compact({ requestDefinition: compact({ method: r.method, url: r.url, body: r.body }), requestHeaders: r.headers });
}

export function renderSynthetic(org: Organisation, alert: SyntheticCheckAlert, handle: string | undefined): DesiredResource {
  const tickEvery = alert.every.seconds;
  const renotify = alert.renotify ? Math.round(alert.renotify.seconds / 60) : undefined;
  const common = {
    name: alertName(alert),
    type: 'api',
    status: 'live',
    message: alertMessage(org, alert, handle),
    tags: alertTags(alert),
    locations: [...alert.locations],
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
      ? { ...common, subtype: 'http', ...request(alert.request), assertions: assertions(alert.expect) }
      : {
          ...common,
          subtype: 'multi',
          apiSteps: alert.steps.map((step) =>
            compact({
              name: step.name,
              subtype: 'http',
              ...request(step.request),
              assertions: assertions(step.expect),
              extractedValues: step.extract
                ? Object.entries(step.extract).map(([name, path]) => ({
                    name,
                    type: 'http_body',
                    parser: { type: 'json_path', value: path },
                  }))
                : undefined,
            }),
          ),
        };
  return {
    type: SYNTHETICS,
    name: `${alert.id}-check`,
    squad: alert.squad,
    inputs,
    origin: { kind: 'alert', squad: alert.squad, id: alert.id },
  };
}
