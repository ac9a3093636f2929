/**
 * Every environment variable the CLI reads, given a malformed value: a readable message naming it, exit 1 or 2,
 * no stack trace. Run in-process through `main(argv, io)`; only the router's start is stopped before listening.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../modules/cli/main';
import { nowFromEnvironment, type Io } from '../../modules/cli/io';
import { FIXTURE_DIR, NOW } from '../helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => vi.unstubAllEnvs());

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-env-'));
  dirs.push(dir);
  return dir;
}

async function run(argv: string[], now: () => Date = () => new Date(NOW)): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`), now, cwd: process.cwd(), env: process.env };
  const code = await main(argv, io);
  return { code, out, err };
}

const NO_TRACE = /\n\s+at [\w.<>]+ \(|internal error/;

describe('a malformed environment variable ends in a readable message and exit 1 or 2', () => {
  it('ONCALL_NOW: exit 2 for every command, the variable and the value named', async () => {
    const io = () => nowFromEnvironment({ ONCALL_NOW: 'yesterday' });
    for (const command of ['validate', 'who', 'roster', 'readiness', 'plan', 'router']) {
      const r = await run([command, '--teams', FIXTURE_DIR], io);
      expect(r.code, command).toBe(2);
      expect(r.err.split('\n')[0]).toBe(
        `oncall ${command}: ONCALL_NOW must be an ISO 8601 instant such as 2026-03-30T09:30:00Z, or unset (got \`yesterday\`)`,
      );
      expect(r.err).not.toMatch(NO_TRACE);
    }
  });

  it('ONCALL_SECRETS_FILE naming no file: the router does not start, exit 1', async () => {
    vi.stubEnv('ONCALL_SECRETS_FILE', join(temp(), 'missing.yaml'));
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'token-for-tests');
    const r = await run(['router', '--teams', FIXTURE_DIR, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(
      /^oncall router: the secrets file `.*missing\.yaml` \(--secrets or ONCALL_SECRETS_FILE\) cannot be read: no such file$/,
    );
  });

  it('ONCALL_SECRETS_FILE naming a directory or a file that is not YAML: exit 1', async () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'token-for-tests');
    vi.stubEnv('ONCALL_SECRETS_FILE', temp());
    expect(await run(['router', '--teams', FIXTURE_DIR, '--port', '0'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/cannot be read: a directory, not a file\n$/),
    });
    const file = join(temp(), 'secrets.yaml');
    writeFileSync(file, 'phones: [unclosed\n');
    vi.stubEnv('ONCALL_SECRETS_FILE', file);
    const r = await run(['router', '--teams', FIXTURE_DIR, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^oncall router: .*secrets\.yaml: not YAML: /);
    expect(r.err).not.toMatch(NO_TRACE);
  });

  it('ONCALL_PHONE_<ID> that is not a phone number: exit 1, naming the variable but not its value', async () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'token-for-tests');
    vi.stubEnv('ONCALL_PHONE_ALICE', '0639980999x');
    const r = await run(['router', '--teams', FIXTURE_DIR, '--port', '0']);
    expect(r).toMatchObject({ code: 1, err: 'oncall router: ONCALL_PHONE_ALICE is not a valid E.164 number (such as +33639980101)\n' });
  });

  it('TWILIO_AUTH_TOKEN unset and no secrets file: exit 1 saying where the token comes from', async () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', '');
    vi.stubEnv('ONCALL_SECRETS_FILE', '');
    const r = await run(['router', '--teams', FIXTURE_DIR, '--port', '0']);
    expect(r).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^oncall router: no Twilio auth token: set TWILIO_AUTH_TOKEN or `twilioAuthToken` in the secrets file\n$/),
    });
  });

  it('OPSGENIE_API_URL and DD_HOST that are not URLs: doctor reports failed checks, exit 1, no request made', async () => {
    const stacks = temp();
    writeFileSync(join(stacks, 'Pulumi.bare.yaml'), 'config:\n  oncall:backend: opsgenie\n');
    vi.stubEnv('OPSGENIE_API_KEY', 'key-for-tests');
    vi.stubEnv('OPSGENIE_API_URL', 'api opsgenie com');
    vi.stubEnv('DD_API_KEY', 'key-for-tests');
    vi.stubEnv('DD_HOST', 'datadog eu');
    const r = await run(['doctor', '--teams', FIXTURE_DIR, '--stacks', stacks, '--stack', 'bare', '--format', 'json']);
    expect(r.code).toBe(1);
    const checks = (JSON.parse(r.out) as { checks: Array<{ check: string; status: string; detail: string }> }).checks;
    expect(checks.filter((c) => c.status === 'failed').map((c) => c.check)).toEqual(['opsgenie', 'datadog']);
    for (const c of checks.filter((x) => x.status === 'failed')) expect(c.detail).toMatch(/is not a URL/);
  });
});

describe('other start-up failures of the router', () => {
  it('a teams directory that does not exist: exit 1', async () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'token-for-tests');
    const r = await run(['router', '--teams', join(temp(), 'nowhere'), '--port', '0']);
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/^oncall router: teams directory `.*nowhere` does not exist\n$/) });
  });

  it('a port already taken: exit 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'token-for-tests');
    try {
      const r = await run(['router', '--teams', FIXTURE_DIR, '--port', String(port)]);
      expect(r).toMatchObject({ code: 1, err: `oncall router: cannot listen on 127.0.0.1:${port}: the address is in use\n` });
    } finally {
      taken.close();
    }
  });
});
