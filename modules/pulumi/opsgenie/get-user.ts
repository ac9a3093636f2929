import * as pulumi from '@pulumi/pulumi';
import { OPSGENIE_LOOKUPS } from '../../backends/opsgenie/resources';
import { OPSGENIE_VERSION } from './version';

export const GET_USER = OPSGENIE_LOOKUPS.user.token;

/** An Opsgenie user by username (their e-mail). */
export function getUserOutput(
  args: { username: pulumi.Input<string> },
  opts?: pulumi.InvokeOptions,
): pulumi.Output<{ id: string; username: string }> {
  return pulumi
    .output(args)
    .apply((a) => pulumi.runtime.invoke(GET_USER, a, { ...opts, version: OPSGENIE_VERSION }) as Promise<{ id: string; username: string }>);
}
