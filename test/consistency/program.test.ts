/**
 * The Pulumi program itself (Pulumi.yaml `main`), run under mocks with a stack's settings: a misspelt backend
 * and a missing teams directory stop it with a RunError, which Pulumi prints as a message without a stack trace.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { OnCallOrganisation } from '../../modules/pulumi/organisation';
import { main } from '../../modules/cli/main';
import { installMocks } from '../pulumi/mocks';
import { fixtureTree, NOW } from '../helpers';

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
    expect(() => new OnCallOrganisation('org', { backend: 'opsgenie', teamsDir: '/nonexistent/teams' })).toThrow(
      'teams directory `/nonexistent/teams` does not exist',
    );
  });
});

describe('the program and `oncall validate` check the same stack file', () => {
  it('an error only the stack file shows (an unknown `oncall:` key) stops both, at the same place', async () => {
    const root = mkdtempSync(join(tmpdir(), 'oncall-repo-'));
    try {
      for (const [rel, text] of fixtureTree().files) {
        mkdirSync(dirname(join(root, 'teams', rel)), { recursive: true });
        writeFileSync(join(root, 'teams', rel), text);
      }
      mkdirSync(join(root, 'stacks'));
      // The stack the mocks run (`acme-test`), with a misspelt setting.
      writeFileSync(join(root, 'stacks', 'Pulumi.acme-test.yaml'), 'config:\n  oncall:backend: opsgenie\n  oncall:squad: [payments]\n');
      installMocks();
      const expected = `${join(root, 'stacks', 'Pulumi.acme-test.yaml')}:3:3 error stack/unknown-key: unknown setting \`oncall:squad\``;
      expect(() => new OnCallOrganisation('org', { backend: 'opsgenie', teamsDir: join(root, 'teams') })).toThrow(expected);
      let out = '';
      const code = await main(['validate', '--teams', join(root, 'teams')], {
        out: (t) => void (out += t),
        err: (t) => void (out += t),
        now: () => new Date(NOW),
        cwd: process.cwd(),
        env: process.env,
      });
      expect(code).toBe(1);
      expect(out).toContain(expected);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
