/**
 * `pagerduty:index/escalationPolicy:EscalationPolicy`: PagerDuty/terraform-provider-pagerduty@v2.4.0
 * pagerduty/resource_pagerduty_escalation_policy.go.
 */
import type { Value } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { ResourceContract } from '../contract';
import { API, collector, defined, intBetween, list, obj, readDefaulted, schemaViolations, TF, withoutZeroWhereUnset } from './common';

const FILE = 'resource_pagerduty_escalation_policy.go';
const SCHEMA = TF(FILE, 'resourcePagerDutyEscalationPolicy');

export const escalationPolicyContract: ResourceContract = {
  type: PD.escalation,
  source: TF(FILE),
  validate(resource) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    const inputs = resource.inputs;
    check(typeof inputs.name === 'string' && inputs.name !== '', 'name', 'required', SCHEMA);
    if (inputs.numLoops !== undefined)
      check(intBetween(inputs.numLoops, 0, 9), 'numLoops', `${String(inputs.numLoops)} is not between 0 and 9`, SCHEMA);
    // `teams` is a list of at most one id (MaxItems 1), which the Pulumi schema flattens to one string.
    check(inputs.teams === undefined || !Array.isArray(inputs.teams), 'teams', 'one team id, not a list', SCHEMA);
    check(list(inputs.rules).length >= 1, 'rules', 'at least one rule is required', SCHEMA);
    list(inputs.rules).forEach((r, i) => {
      const rule = obj(r);
      check(
        Number.isInteger(rule.escalationDelayInMinutes) && (rule.escalationDelayInMinutes as number) >= 1,
        `rules[${i}].escalationDelayInMinutes`,
        'must be at least 1',
        SCHEMA,
      );
      const targets = list(rule.targets);
      check(targets.length >= 1, `rules[${i}].targets`, 'at least one target is required', SCHEMA);
      check(
        targets.length <= 10,
        `rules[${i}].targets`,
        'at most 10 targets',
        API('/components/schemas/EscalationRule/properties/targets'),
      );
      targets.forEach((t, j) => {
        const target = obj(t);
        const type = target.type ?? 'user_reference';
        check(
          type === 'user_reference' || type === 'schedule_reference',
          `rules[${i}].targets[${j}].type`,
          `\`${String(type)}\` is not user_reference or schedule_reference`,
          SCHEMA,
        );
        check(target.id !== undefined && target.id !== '', `rules[${i}].targets[${j}].id`, 'required', SCHEMA);
      });
    });
    return out;
  },
  readBack(resource) {
    const inputs = resource.inputs as Record<string, Value>;
    // Read sets every field from the API: rules with the API's ids, targets with their type as sent
    // (flattenEscalationRules), num_loops (0 when unset), teams (flattenTeams: the one id sent, or none).
    const rules = list(inputs.rules).map((r) => {
      const rule = obj(r);
      return defined({
        escalationDelayInMinutes: rule.escalationDelayInMinutes,
        targets: list(rule.targets).map((t) => {
          const target = obj(t);
          // `type` defaults to user_reference and the API returns the reference type it stores.
          return defined({ id: target.id, type: readDefaulted(target.type, target.type ?? 'user_reference', 'user_reference') });
        }),
      });
    });
    return withoutZeroWhereUnset(
      inputs,
      defined({
        name: inputs.name,
        description: readDefaulted(inputs.description, inputs.description ?? 'Managed by Pulumi', 'Managed by Pulumi'),
        numLoops: inputs.numLoops ?? 0,
        teams: inputs.teams ?? '',
        rules,
      }),
    );
  },
  computed: ['rules[].id'],
  forceNew: [],
};
