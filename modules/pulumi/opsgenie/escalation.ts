import * as pulumi from '@pulumi/pulumi';
import { OPSGENIE } from '../../backends/opsgenie/resources';
import { opsgenieOptions } from './version';

export interface EscalationRule {
  /** `if-not-acked` (default) or `if-not-closed`. */
  condition: pulumi.Input<string>;
  /** `default`, `next`, `previous`, `users`, `admins` or `all`. */
  notifyType: pulumi.Input<string>;
  /** Minutes since the alert. */
  delay: pulumi.Input<number>;
  /** One recipient per rule: `user`, `schedule` or `team`. */
  recipients: pulumi.Input<pulumi.Input<{ type?: pulumi.Input<string>; id?: pulumi.Input<string> }>[]>;
}

export interface EscalationRepeat {
  waitInterval?: pulumi.Input<number>;
  count?: pulumi.Input<number>;
  resetRecipientStates?: pulumi.Input<boolean>;
  closeAlertAfterAll?: pulumi.Input<boolean>;
}

export interface EscalationArgs {
  name?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  ownerTeamId?: pulumi.Input<string>;
  rules: pulumi.Input<pulumi.Input<EscalationRule>[]>;
  repeats?: pulumi.Input<pulumi.Input<EscalationRepeat>[]>;
}

export class Escalation extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.escalation.type;

  constructor(name: string, args: EscalationArgs, opts?: pulumi.CustomResourceOptions) {
    super(Escalation.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}
