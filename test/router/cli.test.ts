/** `oncall router` as a process: a signed voice webhook for the storefront line dials whom `oncall who` names. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, FIXTURE_REPO, ROOT, runCli } from '../helpers';
import { AUTH_TOKEN, dialled, post } from './signed';

const NOW = '2026-11-25T15:00:00+01:00';

describe('oncall router (the command)', () => {
  it('dials the person `oncall who --team storefront` names, and refuses a forged signature', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'oncall.js'), 'router', '--port', '0', '--teams', FIXTURE_DIR], {
      cwd: FIXTURE_REPO,
      env: { ...process.env, TWILIO_AUTH_TOKEN: AUTH_TOKEN, ONCALL_NOW: NOW },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`router exited ${code}`)));
      });
      const who = JSON.parse(
        (await runCli(['who', '--team', 'storefront', '--format', 'json', '--teams', FIXTURE_DIR], undefined, { ONCALL_NOW: NOW })).stdout,
      )[0];
      const phones: Record<string, string> = { alice: '+33639980101', bruno: '+33639980102', chloe: '+33639980103', david: '+33639980104' };
      const answer = await post(url, '/voice', { CallSid: 'CA1', From: '+33612345678', To: '+33199000101' });
      expect(answer.status).toBe(200);
      expect(dialled(answer.body)).toBe(phones[who.person]);
      expect(
        (
          await post(
            url,
            '/voice',
            { CallSid: 'CA1', From: '+33612345678', To: '+33199000101' },
            { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
          )
        ).status,
      ).toBe(403);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('close', resolve));
    }
    expect(child.exitCode === 0 || child.signalCode === 'SIGTERM').toBe(true);
  });

  it('refuses to start without an auth token, saying where to put it', async () => {
    const run = await runCli(['router', '--port', '0', '--teams', FIXTURE_DIR], undefined, { TWILIO_AUTH_TOKEN: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no Twilio auth token: set TWILIO_AUTH_TOKEN or `twilioAuthToken` in the secrets file/);
  });
});
