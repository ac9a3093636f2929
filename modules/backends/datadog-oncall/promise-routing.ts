/**
 * A service's promise on Datadog On-Call: team routing rules ahead of the squad's own, with the query
 * `tags.service:<id>` (the tag its monitors carry; the query form of the provider's example,
 * terraform-provider-datadog v4.19.0 examples/resources/datadog_on_call_team_routing_rules/resource.tf; rules match
 * the incoming alert's tags, top to bottom, the first match applying: docs.datadoghq.com
 * service_management/on-call/processing_rules). Outside
 * its coverage a rule with time restrictions pages nobody (`none`: no policy, no action — the provider requires a
 * policy on the last rule only, fwprovider/resource_datadog_on_call_team_routing_rules.go Validate) or pages its
 * policy at low urgency (`low`); then a rule sends it to its policy at high urgency.
 */
import type { Squad, WeeklyWindows } from '../../model/types';
import { complement } from '../../model/windows';
import { ref } from '../../render/desired';
import { names } from '../../render/names';
import type { DdRestriction, DdRoutingInputs } from './inputs';

type Rule = DdRoutingInputs['rules'][number];

export function promiseRules(team: Squad, restrictions: (w: WeeklyWindows) => DdRestriction[] | undefined): Rule[] {
  const out: Rule[] = [];
  for (const service of team.services.values()) {
    const promise = service.promise;
    if (!promise || service.retired || team.retired) continue;
    const query = `tags.service:${service.id}`;
    const policy = ref(names.escalation(team.id, promise.escalation));
    if (promise.coverage.kind !== 'always') {
      const outside: WeeklyWindows = { kind: 'custom', intervals: complement(promise.coverage.intervals) };
      const timeRestrictions = { timeZone: promise.timezone, restrictions: restrictions(outside) ?? [] };
      out.push(
        promise.outsideCoverage === 'low'
          ? { query, timeRestrictions, escalationPolicy: policy, urgency: 'low' }
          : { query, timeRestrictions },
      );
    }
    out.push({ query, escalationPolicy: policy, urgency: 'high' });
  }
  return out;
}
