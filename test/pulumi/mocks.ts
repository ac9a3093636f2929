/** Pulumi mocks that record every registration; lookups answer a stable id from their key argument. */
import * as pulumi from '@pulumi/pulumi';

export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  readonly custom: boolean;
}

export const registrations: Registration[] = [];

export function lookupId(token: string, args: Record<string, unknown>): string {
  // A contact method is found by its user, type and label: all three in its id.
  if (args.label !== undefined) return `${token.split(':').pop()}:${String(args.userId)}/${String(args.type)}/${String(args.label)}`;
  return `${token.split(':').pop()}:${String(args.email ?? args.username ?? args.filter ?? args.name)}`;
}

export function installMocks(): void {
  void pulumi.runtime.setMocks(
    {
      newResource(args) {
        registrations.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
          custom: args.custom ?? true,
        });
        return {
          id: `${args.name}_id`,
          state: { ...args.inputs, integrationKey: `${args.name}_integrationKey`, apiKey: `${args.name}_apiKey` },
        };
      },
      call(args) {
        return { id: lookupId(args.token, args.inputs as Record<string, unknown>) };
      },
    },
    'oncall-as-code',
    'acme-test',
    false,
  );
}
