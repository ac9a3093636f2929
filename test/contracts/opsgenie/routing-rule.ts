/** `opsgenie:index/teamRoutingRule:TeamRoutingRule` (opsgenie/resource_opsgenie_team_routing_rule.go at v0.6.40). */
import type { DesiredResource, Value } from '../../../modules/render/desired';
import { isConcat, isInvoke, isRef } from '../../../modules/render/desired';
import type { ContractContext, ResourceContract } from '../contract';
import { defined, knownKeys, list, objs, oneOf, Report, required, type Obj } from './checks';
import { oas, pulumiNames, pulumiSchema, sdk, tf } from './sources';
import { readTimeRestrictions, validateTimeRestrictions } from './time-restriction';

const FILE = 'resource_opsgenie_team_routing_rule';
const TOKEN = 'opsgenie:index/teamRoutingRule:TeamRoutingRule';

function refsOf(v: Value | undefined, acc: Set<string>): Set<string> {
  if (isRef(v)) acc.add(v.$ref);
  else if (isConcat(v)) v.$concat.forEach((x) => refsOf(x, acc));
  else if (Array.isArray(v)) v.forEach((x) => refsOf(x, acc));
  else if (v !== null && typeof v === 'object' && !isInvoke(v)) Object.values(v).forEach((x) => refsOf(x, acc));
  return acc;
}

/** Every resource Pulumi must finish before creating `r`: references and `dependsOn`, transitively. */
export function createdBefore(r: DesiredResource, ctx: ContractContext): Set<string> {
  const out = new Set<string>();
  const visit = (x: DesiredResource): void => {
    for (const dep of [...refsOf(x.inputs as Value, new Set()), ...(x.options?.dependsOn ?? [])]) {
      if (out.has(dep)) continue;
      out.add(dep);
      const next = ctx.resources.get(dep);
      if (next) visit(next);
    }
  };
  visit(r);
  return out;
}

/**
 * The order Read records: Create posts the rule with its `order` (the index among the team's rules, per the
 * API description) and reads it back at once, so the state holds the rule's index at its creation. Rules of
 * lower order that Pulumi may create after it (no dependency between them) are not there yet: the worst
 * case is that none of them is.
 */
function orderAtCreation(r: DesiredResource, ctx: ContractContext): Value | undefined {
  const order = r.inputs.order;
  if (typeof order !== 'number') return order;
  const team = JSON.stringify(r.inputs.teamId);
  const before = createdBefore(r, ctx);
  const lower = [...ctx.resources.values()].filter(
    (x) =>
      x.type === TOKEN &&
      x.name !== r.name &&
      JSON.stringify(x.inputs.teamId) === team &&
      typeof x.inputs.order === 'number' &&
      x.inputs.order < order,
  );
  return Math.min(order, lower.filter((x) => before.has(x.name)).length);
}

export const routingRuleContract: ResourceContract = {
  type: TOKEN,
  source: tf(FILE, 'resourceOpsGenieTeamRoutingRule'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(
      r,
      i,
      '',
      ['name', 'isDefault', 'teamId', 'order', 'timezone', 'notifies', 'criterias', 'timeRestrictions'],
      pulumiNames('opsgenie_team_routing_rule'),
    );
    required(r, i, '', 'teamId', tf(FILE, 'resourceOpsGenieTeamRoutingRule'));
    required(r, i, '', 'notifies', tf(FILE, 'resourceOpsGenieTeamRoutingRule'));
    // The expand keeps the last notify only.
    if (list(i.notifies).length > 1)
      r.add('notifies', 'one notify per rule: the provider sends only the last one', tf(FILE, 'expandOpsgenieNotify'));
    objs(i.notifies).forEach((n, k) => {
      knownKeys(r, n, `notifies[${k}]`, ['type', 'id', 'name'], pulumiSchema(`${TOKEN}.notifies`));
      required(r, n, `notifies[${k}]`, 'type', tf(FILE, 'resourceOpsGenieTeamRoutingRule'));
      oneOf(
        r,
        n,
        `notifies[${k}]`,
        'type',
        ['none', 'schedule', 'escalation'],
        oas('definitions/teamRoutingRule.yaml', 'CreateTeamRoutingRulePayload.notify'),
        false,
      );
    });
    objs(i.criterias).forEach((c, k) => {
      const at = `criterias[${k}]`;
      knownKeys(r, c, at, ['type', 'conditions'], pulumiSchema(`${TOKEN}.criterias`));
      required(r, c, at, 'type', tf(FILE, 'resourceOpsGenieTeamRoutingRule'));
      oneOf(
        r,
        c,
        at,
        'type',
        ['match-all', 'match-any-condition', 'match-all-conditions'],
        tf(FILE, 'resourceOpsGenieTeamRoutingRule'),
        false,
      );
      const conditions = list(c.conditions).length;
      if (c.type === 'match-all' && conditions > 0) r.add(at, '`match-all` takes no conditions', tf(FILE, 'validateOpsgenieCriteria'));
      if (c.type !== 'match-all' && c.type !== undefined && conditions === 0)
        r.add(at, `\`${String(c.type)}\` needs conditions`, sdk('og/entity', 'ValidateCriteria'));
    });
    if (i.order !== undefined && (typeof i.order !== 'number' || !Number.isInteger(i.order) || i.order < 0))
      r.add('order', 'the order is an index from 0', oas('definitions/teamRoutingRule.yaml', 'CreateTeamRoutingRulePayload.order'));
    validateTimeRestrictions(r, i);
    return r.out;
  },
  readBack(resource, ctx) {
    const i = resource.inputs as Obj;
    // Read sets is_default, name, order, time_restriction, notify (type, id, name), criteria (type and its
    // conditions, none for match-all) and timezone, which the API fills with the account's zone when none
    // was given (API description); `order` as discussed above.
    const criteria = objs(i.criterias)
      .slice(-1)
      .map((c) => defined({ type: c.type, conditions: list(c.conditions).length > 0 ? c.conditions : undefined }));
    return defined({
      teamId: i.teamId,
      name: i.name,
      isDefault: i.isDefault === true ? true : undefined,
      order: orderAtCreation(resource, ctx),
      timezone: i.timezone ?? "(the account's time zone)",
      timeRestrictions: i.timeRestrictions === undefined ? undefined : readTimeRestrictions(i.timeRestrictions),
      notifies: objs(i.notifies)
        .slice(-1)
        .map((n) => defined({ type: n.type, id: n.id, name: n.name })),
      // flattenOpsgenieCriteria always returns one element, even when no criteria was sent.
      criterias: i.criterias === undefined ? [{ type: 'match-all' }] : criteria,
    });
  },
  // notify.id and notify.name are Optional and Computed.
  computed: ['notifies[].id', 'notifies[].name'],
  forceNew: [],
};
