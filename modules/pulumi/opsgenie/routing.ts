import * as pulumi from '@pulumi/pulumi';
import { OPSGENIE } from '../../backends/opsgenie/resources';
import type { ScheduleRotationTimeRestriction } from './schedule';
import { opsgenieOptions } from './version';

export interface TeamRoutingRuleArgs {
  teamId: pulumi.Input<string>;
  name?: pulumi.Input<string>;
  /** Only the first matching rule applies. */
  order?: pulumi.Input<number>;
  timezone?: pulumi.Input<string>;
  /** `match-all`, or `match-all-conditions` with conditions on the alert's fields (`tags` `contains` `service:<id>`). */
  criterias?: pulumi.Input<
    pulumi.Input<{
      type: pulumi.Input<string>;
      conditions?: pulumi.Input<
        pulumi.Input<{
          field: pulumi.Input<string>;
          operation: pulumi.Input<string>;
          expectedValue?: pulumi.Input<string>;
          not?: pulumi.Input<boolean>;
        }>[]
      >;
    }>[]
  >;
  timeRestrictions?: pulumi.Input<pulumi.Input<ScheduleRotationTimeRestriction>[]>;
  /** `schedule`, `escalation` or `none`. */
  notifies: pulumi.Input<pulumi.Input<{ type: pulumi.Input<string>; id?: pulumi.Input<string>; name?: pulumi.Input<string> }>[]>;
  isDefault?: pulumi.Input<boolean>;
}

export class TeamRoutingRule extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.routingRule.type;

  constructor(name: string, args: TeamRoutingRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(TeamRoutingRule.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}
