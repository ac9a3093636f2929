import * as pulumi from '@pulumi/pulumi';
import { OPSGENIE } from '../../backends/opsgenie/resources';
import { opsgenieOptions } from './version';

type Responder = { type?: pulumi.Input<string>; id?: pulumi.Input<string> };

export interface ApiIntegrationArgs {
  name?: pulumi.Input<string>;
  /** `API`, `Datadog`, `Prometheus`, … */
  type?: pulumi.Input<string>;
  ownerTeamId?: pulumi.Input<string>;
  responders?: pulumi.Input<pulumi.Input<Responder>[]>;
  enabled?: pulumi.Input<boolean>;
  allowWriteAccess?: pulumi.Input<boolean>;
  suppressNotifications?: pulumi.Input<boolean>;
  ignoreRespondersFromPayload?: pulumi.Input<boolean>;
}

export class ApiIntegration extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.apiIntegration.type;
  /** The key Datadog's Opsgenie integration is given. */
  declare readonly apiKey: pulumi.Output<string>;

  constructor(name: string, args: ApiIntegrationArgs, opts?: pulumi.CustomResourceOptions) {
    super(ApiIntegration.__pulumiType, name, { ...args, apiKey: undefined }, opsgenieOptions(opts));
  }
}

export interface EmailIntegrationArgs {
  emailUsername: pulumi.Input<string>;
  name?: pulumi.Input<string>;
  ownerTeamId?: pulumi.Input<string>;
  responders?: pulumi.Input<pulumi.Input<Responder>[]>;
  enabled?: pulumi.Input<boolean>;
  suppressNotifications?: pulumi.Input<boolean>;
  ignoreRespondersFromPayload?: pulumi.Input<boolean>;
}

export class EmailIntegration extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.emailIntegration.type;

  constructor(name: string, args: EmailIntegrationArgs, opts?: pulumi.CustomResourceOptions) {
    super(EmailIntegration.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}
