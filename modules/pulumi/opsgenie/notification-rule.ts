/**
 * `opsgenie:index/notificationRule:NotificationRule` and `opsgenie:index/userContact:UserContact` as
 * provider-schemas/opsgenie-1.4.1.schema.json describes them (Pulumi names of the Terraform fields).
 */
import * as pulumi from '@pulumi/pulumi';
import { OPSGENIE } from '../../backends/opsgenie/resources';
import { opsgenieOptions } from './version';

export interface NotificationRuleStepContact {
  /** `email`, `sms`, `voice` or `mobile`. */
  method: pulumi.Input<string>;
  /** The address: an e-mail, `<country code>-<number>`, or the app's name for the device. */
  to: pulumi.Input<string>;
}

export interface NotificationRuleStep {
  contacts: pulumi.Input<pulumi.Input<NotificationRuleStepContact>[]>;
  /** Minutes after the alert. */
  sendAfter?: pulumi.Input<number>;
  enabled?: pulumi.Input<boolean>;
}

export interface NotificationRuleArgs {
  /** The user's username (their e-mail). */
  username: pulumi.Input<string>;
  /** Replaces the rule when it changes. */
  name?: pulumi.Input<string>;
  /** `create-alert`, `acknowledged-alert`…; replaces the rule when it changes. */
  actionType: pulumi.Input<string>;
  criterias?: pulumi.Input<pulumi.Input<{ type: pulumi.Input<string> }>[]>;
  steps?: pulumi.Input<pulumi.Input<NotificationRuleStep>[]>;
  enabled?: pulumi.Input<boolean>;
  order?: pulumi.Input<number>;
}

export class NotificationRule extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.notificationRule.type;

  constructor(name: string, args: NotificationRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(NotificationRule.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}

export interface UserContactArgs {
  /** The user's username (their e-mail); replaces the contact when it changes. */
  username: pulumi.Input<string>;
  /** `email`, `sms` or `voice` (the API cannot add `mobile`). */
  method: pulumi.Input<string>;
  /** `<country code>-<number>` for `sms` and `voice`. */
  to: pulumi.Input<string>;
  enabled?: pulumi.Input<boolean>;
}

export class UserContact extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.userContact.type;

  constructor(name: string, args: UserContactArgs, opts?: pulumi.CustomResourceOptions) {
    super(UserContact.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}
