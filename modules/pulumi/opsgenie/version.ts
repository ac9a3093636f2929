import type * as pulumi from '@pulumi/pulumi';
import { OPSGENIE_VERSION } from './release';

/**
 * `@pulumi/opsgenie` is not in the npm registry. These bindings do what a generated SDK does: register
 * resources by the provider's type tokens with the provider release pinned, so the engine installs the
 * plugin of that release during preview and up. Its schema is provider-schemas/opsgenie-1.4.1.schema.json.
 */
export { OPSGENIE_VERSION };

export function opsgenieOptions<T extends pulumi.CustomResourceOptions>(opts: T | undefined): T {
  return { ...(opts ?? ({} as T)), version: OPSGENIE_VERSION };
}
