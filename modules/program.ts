/**
 * The Pulumi program (Pulumi.yaml `main`). Stack settings (stacks/Pulumi.<stack>.yaml):
 *   oncall:backend              pagerduty | opsgenie | datadog
 *   oncall:teams                optional list of squads (default: all)
 *   oncall:pagerdutySubdomain   optional, for PagerDuty e-mail integrations
 * Credentials and sites come from the providers' own configuration (stack secrets) or their environment
 * variables; the override resources receive the same values (see modules/pulumi/overrides/README.md).
 */
import * as pulumi from '@pulumi/pulumi';
import { join } from 'node:path';
import { OnCallOrganisation } from './pulumi/organisation';
import { PROGRAM_COMPONENT } from './pulumi/scoped-names';
import { opsgenieApiHost } from './pulumi/overrides/stack-connection';
import type { Backend } from './render/desired';

const config = new pulumi.Config('oncall');
const backend = config.require('backend') as Backend;
const organisation = new OnCallOrganisation(PROGRAM_COMPONENT, {
  backend,
  teamsDir: join(__dirname, '..', '..', 'teams'),
  squads: config.getObject<string[]>('teams'),
  pagerdutySubdomain: config.get('pagerdutySubdomain'),
  // Datadog's Opsgenie integration follows the Opsgenie instance (read only where Opsgenie is configured).
  opsgenieRegion: /(^|\.)eu\./.test((backend === 'opsgenie' ? opsgenieApiHost() : new pulumi.Config('opsgenie').get('apiUrl')) ?? '')
    ? 'eu'
    : 'us',
});

export const squads = Object.keys(organisation.squads);
export const resources = organisation.resourceCount;
