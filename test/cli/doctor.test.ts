/**
 * `oncall doctor` against local servers that play each vendor's API from its published description: every
 * request the doctor makes must be one the description declares (path, query, credentials), and every answer
 * the fake gives is checked too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctorCommandWith } from '../../modules/cli/commands/doctor';
import { httpGet } from '../../modules/cli/doctor/http';
import type { Io } from '../../modules/cli/io';
import { fixtureTree, writeTree } from '../helpers';
import { openApiServer, type Call } from '../pulumi/openapi-server';

const KEYS = {
  PAGERDUTY_TOKEN: 'pd-secret-token-1',
  OPSGENIE_API_KEY: 'og-secret-key-2',
  DD_API_KEY: 'dd-secret-api-3',
  DD_APP_KEY: 'dd-secret-app-4',
};
const fixture = fixtureTree();
const emails = [...fixture.files.get('org.yaml')!.matchAll(/email: ([a-z]+@acme\.example)/g)].map((m) => m[1]!);

function capture(): Io & { text: () => string } {
  const out: string[] = [];
  return {
    out: (t) => void out.push(t),
    err: (t) => void out.push(t),
    now: () => new Date('2026-06-01T00:00:00Z'),
    cwd: process.cwd(),
    env: process.env,
    text: () => out.join('\n'),
  };
}

/** The fixture organisation with one stack file, in a fresh directory. */
function repo(stack: string, config: string): { teams: string; stacks: string } {
  const teams = writeTree(fixture);
  const stacks = join(teams, '..', `stacks-${stack}`);
  mkdirSync(stacks, { recursive: true });
  writeFileSync(join(stacks, `Pulumi.${stack}.yaml`), `config:\n${config}`);
  return { teams, stacks };
}

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  for (const k of Object.keys(KEYS)) delete process.env[k];
  while (servers.length) await servers.pop()!.close();
});

async function serve(spec: string, handler: (call: Call) => { status: number; body?: unknown }) {
  const server = await openApiServer(spec, handler);
  servers.push(server);
  return server;
}

/** Datadog's v1 and v2 APIs on one site: the key check and the user look-up by e-mail. */
function datadogApi(users: readonly string[]) {
  return serve('datadog-doctor.json', (call) => {
    if (call.path === '/api/v1/validate') return { status: 200, body: { valid: true } };
    const filter = call.query.get('filter') ?? '';
    return {
      status: 200,
      body: {
        data: users
          .filter((u) => u === filter)
          .map((email, i) => ({ id: `u${i}`, type: 'users', attributes: { email, disabled: false, status: 'Active' } })),
      },
    };
  });
}

describe('oncall doctor', () => {
  it('PagerDuty: accepts a token with the abilities the stack uses and lists people without a user', async () => {
    const present = emails.filter((e) => !e.startsWith('gina'));
    const pd = await serve('pagerduty-doctor.json', (call) =>
      call.operationId === 'listAbilities' || call.path === '/abilities'
        ? { status: 200, body: { abilities: ['teams', 'service_support_hours'] } }
        : {
            status: 200,
            body: {
              users: present
                .filter((e) => e === call.query.get('query'))
                .map((email) => ({
                  id: 'PU1',
                  type: 'user',
                  name: email,
                  email,
                  summary: email,
                  self: 'https://api.pagerduty.com/users/PU1',
                  html_url: 'https://acme.pagerduty.com/users/PU1',
                })),
              limit: 25,
              offset: 0,
              more: false,
              total: null,
            },
          },
    );
    const dd = await serve('datadog-doctor.json', () => ({ status: 200, body: { valid: true } }));
    const { teams, stacks } = repo(
      'pd',
      `  oncall:backend: pagerduty\n  pagerduty:apiUrlOverride: ${pd.url}\n  datadog:apiUrl: ${dd.url}\n`,
    );
    Object.assign(process.env, KEYS);
    const io = capture();
    const code = await doctorCommandWith(httpGet)(['--stack', 'pd', '--teams', teams, '--stacks', stacks], io);
    expect(pd.violations, JSON.stringify(pd.violations)).toEqual([]);
    expect(dd.violations).toEqual([]);
    expect(io.text()).toMatch(/ok\s+pagerduty\/token/);
    expect(io.text()).toMatch(/ok\s+pagerduty\/abilities/);
    expect(io.text()).toMatch(
      /FAILED\s+pagerduty\/users\s+1 of \d+ people have no PagerDuty user \(invite them first\): gina@acme\.example/,
    );
    expect(io.text()).toMatch(/ok\s+datadog\/keys/);
    expect(io.text()).toContain('manual');
    expect(code).toBe(1);
    for (const key of Object.values(KEYS)) expect(io.text()).not.toContain(key);
    // Every person was looked up by e-mail, with the token the provider reads.
    expect(
      pd.calls
        .filter((c) => c.path === '/users')
        .map((c) => c.query.get('query'))
        .sort(),
    ).toEqual([...emails].sort());
    expect(pd.calls.every((c) => c.headers.authorization === `Token token=${KEYS.PAGERDUTY_TOKEN}`)).toBe(true);
  });

  it('PagerDuty: a refused token fails, and the key is not shown', async () => {
    const pd = await serve('pagerduty-doctor.json', (call) =>
      call.headers.authorization?.endsWith('bad')
        ? { status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } }
        : { status: 200, body: { abilities: [] } },
    );
    const dd = await serve('datadog-doctor.json', () => ({ status: 200, body: { valid: true } }));
    const { teams, stacks } = repo(
      'pd',
      `  oncall:backend: pagerduty\n  pagerduty:apiUrlOverride: ${pd.url}\n  datadog:apiUrl: ${dd.url}\n`,
    );
    Object.assign(process.env, { ...KEYS, PAGERDUTY_TOKEN: 'token-bad' });
    const io = capture();
    expect(await doctorCommandWith(httpGet)(['--stack', 'pd', '--teams', teams, '--stacks', stacks], io)).toBe(1);
    expect(io.text()).toMatch(/FAILED\s+pagerduty\/token\s+GET \/abilities: the key is refused/);
    expect(io.text()).not.toContain('token-bad');
    expect(pd.violations, JSON.stringify(pd.violations)).toEqual([]);
  });

  it('PagerDuty: a plan without teams fails the abilities check', async () => {
    const pd = await serve('pagerduty-doctor.json', (call) =>
      call.path === '/abilities'
        ? { status: 200, body: { abilities: ['service_support_hours'] } }
        : { status: 200, body: { users: [], limit: 25, offset: 0, more: false, total: null } },
    );
    const dd = await serve('datadog-doctor.json', () => ({ status: 200, body: { valid: true } }));
    const { teams, stacks } = repo(
      'pd',
      `  oncall:backend: pagerduty\n  pagerduty:apiUrlOverride: ${pd.url}\n  datadog:apiUrl: ${dd.url}\n`,
    );
    Object.assign(process.env, KEYS);
    const io = capture();
    expect(await doctorCommandWith(httpGet)(['--stack', 'pd', '--teams', teams, '--stacks', stacks], io)).toBe(1);
    expect(io.text()).toMatch(/FAILED\s+pagerduty\/abilities\s+the account's plan lacks `teams`/);
    expect(pd.violations).toEqual([]);
  });

  it('Opsgenie on the EU host from the stack file: all users present passes', async () => {
    const og = await serve('opsgenie-doctor.json', (call) =>
      call.path === '/v2/account'
        ? {
            status: 200,
            body: {
              data: { name: 'acme', userCount: 11, plan: { maxUserCount: 50, name: 'Standard', isYearly: true } },
              took: 0.01,
              requestId: 'r1',
            },
          }
        : {
            status: 200,
            body: {
              data: { id: 'u1', username: call.params.identifier, fullName: 'x', role: { id: 'User', name: 'User' } },
              expandable: ['contact'],
              took: 0.01,
              requestId: 'r2',
            },
          },
    );
    const dd = await serve('datadog-doctor.json', () => ({ status: 200, body: { valid: true } }));
    // The provider reads `opsgenie:apiUrl` as a bare host; a scheme is kept as given so the test can use http.
    const { teams, stacks } = repo('og', `  oncall:backend: opsgenie\n  opsgenie:apiUrl: ${og.url}\n  datadog:apiUrl: ${dd.url}\n`);
    Object.assign(process.env, KEYS);
    const io = capture();
    const code = await doctorCommandWith(httpGet)(['--stack', 'og', '--teams', teams, '--stacks', stacks, '--format', 'json'], io);
    const report = JSON.parse(io.text());
    expect(og.violations, JSON.stringify(og.violations)).toEqual([]);
    expect(report.checks.filter((c: { status: string }) => c.status === 'failed')).toEqual([]);
    expect(report.checks.map((c: { check: string }) => c.check)).toEqual(['opsgenie/key', 'opsgenie/users', 'datadog/keys', 'manual']);
    expect(code).toBe(0);
    expect(og.calls.every((c) => c.headers.authorization === `GenieKey ${KEYS.OPSGENIE_API_KEY}`)).toBe(true);
  });

  it('Datadog On-Call: users looked up with both keys', async () => {
    const dd = await datadogApi(emails.slice(1));
    const { teams, stacks } = repo(
      'dd',
      `  oncall:backend: datadog\n  oncall:teams: [storefront, payments]\n  datadog:apiUrl: ${dd.url}\n`,
    );
    Object.assign(process.env, KEYS);
    const io = capture();
    expect(await doctorCommandWith(httpGet)(['--stack', 'dd', '--teams', teams, '--stacks', stacks], io)).toBe(1);
    expect(dd.violations).toEqual([]);
    expect(io.text()).toMatch(
      new RegExp(
        `FAILED\\s+datadog/users\\s+1 of \\d+ people have no Datadog user \\(invite them first\\): ${emails[0]!.replace('.', '\\.')}`,
      ),
    );
    expect(dd.calls.filter((c) => c.path === '/api/v2/users').every((c) => c.headers['dd-application-key'] === KEYS.DD_APP_KEY)).toBe(true);
  });

  it('an unreachable site is a failed check, not a crash', async () => {
    const { teams, stacks } = repo(
      'dd',
      `  oncall:backend: datadog\n  oncall:teams: [storefront, payments]\n  datadog:apiUrl: http://127.0.0.1:9\n`,
    );
    Object.assign(process.env, KEYS);
    const io = capture();
    expect(await doctorCommandWith(httpGet)(['--stack', 'dd', '--teams', teams, '--stacks', stacks], io)).toBe(1);
    expect(io.text()).toMatch(/FAILED\s+datadog\s+GET http:\/\/127\.0\.0\.1:9\/api\/v1\/validate: unreachable/);
  });

  it('refuses an unknown stack with a usage error', async () => {
    const { teams, stacks } = repo('dd', `  oncall:backend: datadog\n  oncall:teams: [storefront, payments]\n`);
    await expect(doctorCommandWith(httpGet)(['--stack', 'nope', '--teams', teams, '--stacks', stacks], capture())).rejects.toThrow(
      /unknown stack `nope`/,
    );
  });
});
