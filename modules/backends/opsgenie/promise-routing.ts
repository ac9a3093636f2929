/**
 * A service's promise on Opsgenie: team routing rules ahead of the squad's own, matching the `service:<id>` tag
 * its monitors carry (modules/render/alerts/naming.ts) and the Datadog integration passes on as the alert's tags
 * (its default `tags` mapping; an account that changed that mapping must keep the monitor tags). Outside its coverage a rule with `notify: none` keeps it
 * silent; then a rule sends it to its policy. Conditions: field `tags`, operation `contains` (opsgenie-oas
 * definitions/common.yaml Condition; terraform-provider-opsgenie v0.6.40 resource_opsgenie_team_routing_rule.go
 * `criteria` of type `match-all-conditions`). `outsideCoverage: low` is refused by `validate` (no urgency here).
 */
import type { Service, Squad } from '../../model/types';
import { complement } from '../../model/windows';
import { weekdaySpans } from '../../render/coverage-shapes';
import { ref, type Value } from '../../render/desired';
import { names } from '../../render/names';

export interface PromiseRule {
  /** The resource name. */
  readonly name: string;
  readonly inputs: Record<string, Value>;
}

/** The `service:<id>` tag condition. */
export function serviceCriteria(service: Service): Value[] {
  return [{ type: 'match-all-conditions', conditions: [{ field: 'tags', operation: 'contains', expectedValue: `service:${service.id}` }] }];
}

/** The rules of each live service with a promise, in order, without `teamId` and `order` (the caller adds them). */
export function promiseRules(team: Squad, spans: (w: Parameters<typeof weekdaySpans>[0]) => Value[]): PromiseRule[] {
  const out: PromiseRule[] = [];
  for (const service of team.services.values()) {
    const promise = service.promise;
    if (!promise || service.retired || team.retired) continue;
    if (promise.coverage.kind !== 'always' && promise.outsideCoverage === 'none') {
      out.push({
        name: names.routingRule(team.id, `${service.id}-outside`),
        inputs: {
          name: `${service.id} outside its promise`,
          timezone: promise.timezone,
          criterias: serviceCriteria(service),
          timeRestrictions: [
            {
              type: 'weekday-and-time-of-day',
              restrictionList: spans({ kind: 'custom', intervals: complement(promise.coverage.intervals) }),
            },
          ],
          notifies: [{ type: 'none' }],
        },
      });
    }
    out.push({
      name: names.routingRule(team.id, service.id),
      inputs: {
        name: `${service.id}`,
        timezone: promise.timezone,
        criterias: serviceCriteria(service),
        notifies: [{ type: 'escalation', id: ref(names.escalation(team.id, promise.escalation)) }],
      },
    });
  }
  return out;
}
