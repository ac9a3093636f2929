/**
 * The opsgenie provider release the bindings register with (schema: provider-schemas/opsgenie-1.4.1.schema.json).
 * Apart from version.ts so that what only needs the number (the bulk-import file) does not load Pulumi.
 */
export const OPSGENIE_VERSION = '1.4.1';
