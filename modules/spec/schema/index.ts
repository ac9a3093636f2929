import { orgSchema } from './org';
import { alertsFileSchema, teamSchema } from './team';
import type { JsonSchema } from './defs';
import { withMarkdown, withoutEditorChecks } from './editor';

export type FileKind = 'org' | 'team' | 'alerts';

/** Every file kind with its schema, as published for editors: `schemas/<kind>.schema.json` is written from these. */
export const schemas: Record<FileKind, JsonSchema> = {
  org: withMarkdown(orgSchema),
  team: withMarkdown(teamSchema),
  alerts: withMarkdown(alertsFileSchema),
};

/**
 * The schemas the validators and the spec types are built from: without the checks for editors only, which the
 * loader makes itself with better messages (an alert's fields of another kind, zone names).
 */
export const validatedSchemas: Record<FileKind, JsonSchema> = {
  org: withoutEditorChecks(schemas.org),
  team: withoutEditorChecks(schemas.team),
  alerts: withoutEditorChecks(schemas.alerts),
};
