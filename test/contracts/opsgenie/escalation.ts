/** `opsgenie:index/escalation:Escalation` (opsgenie/resource_opsgenie_escalation.go at v0.6.40). */
import type { Value } from '../../../modules/render/desired';
import type { ResourceContract } from '../contract';
import { defined, isKnown, knownKeys, list, objs, oneOf, Report, required, type Obj } from './checks';
import { pulumiNames, pulumiSchema, sdk, tf } from './sources';

const FILE = 'resource_opsgenie_escalation';
const TOKEN = 'opsgenie:index/escalation:Escalation';

export const escalationContract: ResourceContract = {
  type: TOKEN,
  source: tf(FILE, 'resourceOpsgenieEscalation'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(r, i, '', ['name', 'description', 'rules', 'ownerTeamId', 'repeats'], pulumiNames('opsgenie_escalation'));
    required(r, i, '', 'name', tf(FILE, 'resourceOpsgenieEscalation'));
    required(r, i, '', 'rules', sdk('escalation/request', 'CreateRequest.Validate'));
    objs(i.rules).forEach((rule, k) => {
      const at = `rules[${k}]`;
      knownKeys(r, rule, at, ['condition', 'notifyType', 'delay', 'recipients'], pulumiSchema(`${TOKEN}.rules`));
      for (const key of ['condition', 'notifyType', 'delay', 'recipients'])
        required(r, rule, at, key, tf(FILE, 'resourceOpsgenieEscalation'));
      oneOf(r, rule, at, 'condition', ['if-not-acked', 'if-not-closed'], tf(FILE, 'validateOpsgenieEscalationRulesCondition'));
      oneOf(
        r,
        rule,
        at,
        'notifyType',
        ['default', 'next', 'previous', 'users', 'admins', 'random', 'all'],
        tf(FILE, 'validateOpsgenieEscalationRulesNotifyType'),
      );
      if (isKnown(rule.delay) && (typeof rule.delay !== 'number' || !Number.isInteger(rule.delay) || rule.delay < 0)) {
        r.add(
          `${at}.delay`,
          `\`${JSON.stringify(rule.delay)}\` is not a whole number of minutes (sent as uint32)`,
          tf(FILE, 'expandOpsgenieEscalationRules'),
        );
      }
      // The expand keeps only the last recipient of a rule: the others are silently dropped.
      if (list(rule.recipients).length > 1)
        r.add(
          `${at}.recipients`,
          'one recipient per rule: the provider sends only the last one',
          tf(FILE, 'expandOpsgenieEscalationRuleParticipant'),
        );
      objs(rule.recipients).forEach((p, j) => {
        oneOf(r, p, `${at}.recipients[${j}]`, 'type', ['user', 'team', 'schedule'], tf(FILE, 'validateEscalationParticipantType'));
        if (p.type === undefined || p.id === undefined)
          r.add(`${at}.recipients[${j}]`, 'a recipient needs its `type` and `id`', sdk('escalation/request', 'validateRecipient'));
      });
    });
    // `repeat` is a list without MaxItems, but the expand folds every element into one request.
    if (list(i.repeats).length > 1)
      r.add('repeats', 'one repeat only: the provider sends the last one', tf(FILE, 'expandOpsgenieEscalationRepeat'));
    objs(i.repeats).forEach((p, k) =>
      knownKeys(
        r,
        p,
        `repeats[${k}]`,
        ['waitInterval', 'count', 'resetRecipientStates', 'closeAlertAfterAll'],
        pulumiSchema(`${TOKEN}.repeats`),
      ),
    );
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read sets the rules as the API returns them (flattenOpsgenieEscalationRules: one recipient each). The API
    // returns them by delay, not in the order sent (opsgenie/terraform-provider-opsgenie#397, open at v0.6.40),
    // so the state's list differs from the inputs whenever the inputs are not in delay order. Modelled as a
    // stable sort by delay: the order among equal delays is not documented (they notify at the same minute).
    const rules = objs(i.rules)
      .map((rule, index) => ({ index, delay: typeof rule.delay === 'number' ? rule.delay : 0, rule }))
      .sort((a, b) => a.delay - b.delay || a.index - b.index)
      .map(({ rule }) =>
        defined({
          condition: rule.condition,
          notifyType: rule.notifyType,
          delay: rule.delay,
          recipients: list(rule.recipients).slice(-1) as Value[],
        }),
      );
    const repeat = objs(i.repeats).at(-1);
    return defined({
      name: i.name,
      description: i.description,
      ownerTeamId: i.ownerTeamId,
      rules: i.rules === undefined ? undefined : rules,
      // flattenOpsgenieEscalationRepeat sets all four fields (booleans false when unset).
      repeats:
        repeat === undefined
          ? i.repeats
          : [
              defined({
                waitInterval: repeat.waitInterval,
                count: repeat.count,
                resetRecipientStates: repeat.resetRecipientStates ?? undefined,
                closeAlertAfterAll: repeat.closeAlertAfterAll ?? undefined,
              }),
            ],
    });
  },
  computed: [],
  forceNew: [],
};
