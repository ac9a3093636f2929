/**
 * The Opsgenie resource types (provider 1.4.1, bound by hand in modules/pulumi/opsgenie) and the look-up the
 * renderer uses.
 *
 * `replaceOn` is what the provider replaces on: the Terraform schema's ForceNew fields at
 * opsgenie/terraform-provider-opsgenie@v0.6.40 (pulumi/pulumi-opsgenie@v1.4.1:provider/go.mod; its
 * resources.go overrides none), in opsgenie/<file> there; test/contracts/opsgenie holds the same lists.
 */
import type { Value } from '../../render/desired';
import { contactSummary } from '../contacts';
import { describeType, maskInputs, typesOf, type LookupDescriptor } from '../descriptor';
import { emailUsername, name, notifies, overrideDates, rotation, rules, summaryOf, zone } from '../summary';

const binding = (className: string) => ({ package: 'opsgenie-binding', className }) as const;

export const OPSGENIE = {
  team: describeType({ type: 'opsgenie:index/team:Team', kind: 'team', registration: binding('Team'), summary: summaryOf(name) }),
  schedule: describeType({
    type: 'opsgenie:index/schedule:Schedule',
    kind: 'schedule',
    guarded: true,
    policy: { protect: true },
    registration: binding('Schedule'),
    summary: summaryOf(name, zone),
  }),
  rotation: describeType({
    type: 'opsgenie:index/scheduleRotation:ScheduleRotation',
    kind: 'schedule rotation',
    // schedule_id is Required, not ForceNew (resource_opsgenie_schedule_rotation.go): a change plans an update,
    // which sends the rotation's id under the new schedule. Rendered names tie a rotation to its schedule anyway.
    registration: binding('ScheduleRotation'),
    summary: summaryOf(name, rotation),
  }),
  escalation: describeType({
    type: 'opsgenie:index/escalation:Escalation',
    kind: 'escalation policy',
    guarded: true,
    policy: { protect: true },
    registration: binding('Escalation'),
    summary: summaryOf(name, rules),
  }),
  routingRule: describeType({
    type: 'opsgenie:index/teamRoutingRule:TeamRoutingRule',
    kind: 'routing rule',
    registration: binding('TeamRoutingRule'),
    summary: summaryOf(name, zone, notifies),
  }),
  apiIntegration: describeType({
    type: 'opsgenie:index/apiIntegration:ApiIntegration',
    kind: 'API integration',
    // type and owner_team_id ForceNew (resource_opsgenie_api_integration.go).
    replaceOn: ['ownerTeamId', 'type'],
    registration: binding('ApiIntegration'),
    summary: summaryOf(name),
  }),
  emailIntegration: describeType({
    type: 'opsgenie:index/emailIntegration:EmailIntegration',
    kind: 'e-mail integration',
    registration: binding('EmailIntegration'),
    summary: summaryOf(name, emailUsername),
  }),
  /**
   * Our dynamic provider (modules/pulumi/overrides/opsgenie.ts): it updates an override in place, found by its
   * alias; its `diff` replaces only when the schedule or the alias changes.
   */
  override: describeType({
    type: 'pulumi-nodejs:dynamic/opsgenie:ScheduleOverride',
    kind: 'schedule override',
    replaceOn: ['scheduleId', 'alias'],
    registration: { package: 'dynamic', className: 'OpsgenieScheduleOverride' },
    summary: summaryOf(overrideDates),
  }),
  /** An SMS or voice number of a user: username ForceNew (resource_opsgenie_user_contact.go). */
  userContact: describeType({
    type: 'opsgenie:index/userContact:UserContact',
    kind: 'user contact',
    replaceOn: ['username'],
    registration: binding('UserContact'),
    summary: contactSummary.opsgenieContact,
    display: (inputs) => (inputs.method === 'email' ? inputs : maskInputs(inputs, ['to'])),
    secretInputs: ['to'],
  }),
  /** A user's rule for new alerts: name and action_type ForceNew (resource_opsgenie_notification_rule.go). */
  notificationRule: describeType({
    type: 'opsgenie:index/notificationRule:NotificationRule',
    kind: 'notification rule',
    replaceOn: ['actionType', 'name'],
    registration: binding('NotificationRule'),
    summary: contactSummary.opsgenieRule,
    display: maskStepNumbers,
    secretInputs: ['steps'],
  }),
};

/** Steps that text or ring a number name it in `to`: masked outside the provider. */
function maskStepNumbers(inputs: Readonly<Record<string, Value>>): Readonly<Record<string, Value>> {
  if (!Array.isArray(inputs.steps)) return inputs;
  const steps = inputs.steps.map((step) => {
    if (step === null || typeof step !== 'object' || Array.isArray(step) || !Array.isArray((step as Record<string, Value>).contacts))
      return step;
    const s = step as Record<string, Value>;
    const contacts = (s.contacts as Value[]).map((c) => {
      const contact = c as Record<string, Value>;
      return contact.method === 'sms' || contact.method === 'voice' ? maskInputs(contact, ['to']) : c;
    });
    return { ...s, contacts };
  });
  return { ...inputs, steps };
}

export const OPSGENIE_LOOKUPS = {
  user: {
    token: 'opsgenie:index/getUser:getUser',
    argument: 'username',
    registration: { package: 'opsgenie-binding', functionName: 'getUserOutput' },
  },
} as const satisfies Record<string, LookupDescriptor>;

/** The type and look-up tokens by short name. */
export const OG = { ...typesOf(OPSGENIE), getUser: OPSGENIE_LOOKUPS.user.token } as const;

/**
 * Users are looked up by a stack, never provisioned: the account import (modules/migrate/opsgenie) observes them in
 * the input form of this provider type (resource_opsgenie_user.go) for the people they become.
 */
export const OPSGENIE_USER_TYPE = 'opsgenie:index/user:User';
