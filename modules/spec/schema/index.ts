import { orgSchema } from './org';
import { alertsFileSchema, teamSchema } from './team';
import type { JsonSchema } from './defs';

export type FileKind = 'org' | 'team' | 'alerts';

/** Every file kind with its schema; `schemas/<kind>.schema.json` is written from these. */
export const schemas: Record<FileKind, JsonSchema> = {
  org: orgSchema,
  team: teamSchema,
  alerts: alertsFileSchema,
};
