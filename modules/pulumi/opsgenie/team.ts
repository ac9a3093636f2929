import * as pulumi from '@pulumi/pulumi';
import { OPSGENIE } from '../../backends/opsgenie/resources';
import { opsgenieOptions } from './version';

export interface TeamMember {
  id: pulumi.Input<string>;
  /** `admin` or `user` (default). */
  role?: pulumi.Input<string>;
  username?: pulumi.Input<string>;
}

export interface TeamArgs {
  name?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Remove the escalation and schedule Opsgenie creates with a new team. */
  deleteDefaultResources?: pulumi.Input<boolean>;
  ignoreMembers?: pulumi.Input<boolean>;
  members?: pulumi.Input<pulumi.Input<TeamMember>[]>;
}

export class Team extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.team.type;
  declare readonly name: pulumi.Output<string>;

  constructor(name: string, args: TeamArgs, opts?: pulumi.CustomResourceOptions) {
    super(Team.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}
