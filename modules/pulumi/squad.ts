import * as pulumi from '@pulumi/pulumi';
import { COMPONENTS } from '../backends/components';

/** The component that owns everything one squad provisions: schedules, escalations, routing, services… */
export class Squad extends pulumi.ComponentResource {
  static readonly __pulumiType = COMPONENTS.squad;

  constructor(id: string, opts?: pulumi.ComponentResourceOptions) {
    super(Squad.__pulumiType, id, {}, opts);
  }

  /** Called once every child is registered. */
  finish(): void {
    this.registerOutputs({});
  }
}
