/**
 * The Pulumi program (Pulumi.yaml `main`). Stack settings (stacks/Pulumi.<stack>.yaml):
 *   oncall:backend              pagerduty | opsgenie | datadog
 *   oncall:teams                optional list of squads (default: all)
 *   oncall:pagerdutySubdomain   optional, for PagerDuty e-mail integrations
 * Credentials come from the providers' own configuration (stack secrets) or environment variables.
 */
import * as pulumi from '@pulumi/pulumi';
import { OnCallOrganisation } from './pulumi/organisation';
import type { Backend } from './render/desired';

const config = new pulumi.Config('oncall');
const organisation = new OnCallOrganisation('organisation', {
  backend: config.require('backend') as Backend,
  squads: config.getObject<string[]>('teams'),
  pagerdutySubdomain: config.get('pagerdutySubdomain'),
  opsgenieRegion: /(^|\.)eu\./.test(new pulumi.Config('opsgenie').get('apiUrl') ?? '') ? 'eu' : 'us',
});

export const squads = Object.keys(organisation.squads);
export const resources = organisation.resourceCount;
