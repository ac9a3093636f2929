/**
 * The Pulumi program itself (Pulumi.yaml `main`), run under mocks with a stack's settings: a misspelt backend
 * and a missing teams directory stop it with a RunError, which Pulumi prints as a message without a stack trace.
 */
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { OnCallOrganisation } from '../../modules/pulumi/organisation';
import { installMocks } from '../pulumi/mocks';

describe('the Pulumi program', () => {
  it('refuses `oncall:backend: pagerdty` before registering anything', async () => {
    installMocks();
    pulumi.runtime.setAllConfig({ 'oncall:backend': 'pagerdty' });
    const run = import('../../modules/program.js');
    await expect(run).rejects.toBeInstanceOf(pulumi.RunError);
    await expect(run).rejects.toThrow('`backend` (`oncall:backend`) must be one of pagerduty, opsgenie, datadog, not `pagerdty`');
  });

  it('a teams directory that does not exist is a RunError naming it', () => {
    installMocks();
    expect(() => new OnCallOrganisation('org', { backend: 'opsgenie', teamsDir: '/nonexistent/teams' })).toThrow(pulumi.RunError);
    expect(() => new OnCallOrganisation('org', { backend: 'opsgenie', teamsDir: '/nonexistent/teams' })).toThrow('teams directory `/nonexistent/teams` does not exist');
  });
});
