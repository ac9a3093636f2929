import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouter, type RunningRouter } from '../../modules/router/server';
import { loadOrganisation } from '../../modules/model/load';
import { whoIsOnCall } from '../../modules/schedule/who';
import { FIXTURE_DIR, fixtureTree, withEdit, writeTree } from '../helpers';
import { AUTH_TOKEN, dialled, post } from './signed';

const STOREFRONT_LINE = '+33199000101';
const PLATFORM_LINE = '+33199000102';
const PAYMENTS_LINE = '+33199000103';
const PHONES: Record<string, string> = {
  alice: '+33639980101',
  bruno: '+33639980102',
  chloe: '+33639980103',
  emma: '+33639980301',
  farid: '+33639980302',
  hugo: '+33639980201',
  manon: '+33639980901',
};

/** The example with lines for platform and payments too. */
function teamsWithLines(secondaryCoverage?: string): string {
  let tree = withEdit('platform/team.yaml', 'intake:', `phone:\n  number: "${PLATFORM_LINE}"\n\nintake:`, fixtureTree());
  tree = withEdit('payments/team.yaml', 'services:', `phone:\n  number: "${PAYMENTS_LINE}"\n\nservices:`, tree);
  if (secondaryCoverage) tree = withEdit('platform/team.yaml', '    offset: 1', `    offset: 1\n    coverage: ${secondaryCoverage}`, tree);
  return writeTree(tree);
}

let now = Date.parse('2026-03-30T09:30:00+02:00');
const logs: Array<Record<string, unknown>> = [];
let router: RunningRouter;
let dir: string;
const cleanup: string[] = [];

beforeAll(async () => {
  dir = teamsWithLines();
  cleanup.push(dir);
  router = await startRouter({
    teamsDir: dir,
    port: 0,
    host: '127.0.0.1',
    authToken: AUTH_TOKEN,
    now: () => now,
    log: (e) => logs.push(e),
    env: {},
  });
});
afterAll(async () => {
  await router.close();
  cleanup.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const voice = (line: string, extra: Record<string, string> = {}) => ({ CallSid: 'CA123', From: '+33612345678', To: line, ...extra });

describe('voice calls', () => {
  it('dial the person on call now, as `oncall who` says, with a timeout and the next level as action', async () => {
    now = Date.parse('2026-03-30T09:30:00+02:00');
    const r = await post(router.url, '/voice', voice(STOREFRONT_LINE));
    expect(r.status).toBe(200);
    const org = loadOrganisation(fixtureTree()).organisation!;
    const who = whoIsOnCall(org, now, 'storefront')[0]!.person!;
    expect(who).toBe('alice');
    expect(dialled(r.body)).toBe(PHONES[who]);
    expect(r.body).toContain('<Dial timeout="20" action="/voice/next?level=1" method="POST" callerId="+33199000101">');
  });

  it('when nobody answers, go to the secondary rotation, then the manager, then say nobody was reached', async () => {
    now = Date.parse('2026-01-07T12:00:00+01:00'); // platform: primary emma, secondary farid
    expect(dialled((await post(router.url, '/voice', voice(PLATFORM_LINE))).body)).toBe(PHONES.emma);
    expect(dialled((await post(router.url, '/voice/next?level=1', voice(PLATFORM_LINE, { DialCallStatus: 'no-answer' }))).body)).toBe(
      PHONES.farid,
    );
    const manager = await post(router.url, '/voice/next?level=2', voice(PLATFORM_LINE, { DialCallStatus: 'busy' }));
    expect(dialled(manager.body)).toBe(PHONES.manon);
    expect(manager.body).toContain('action="/voice/next?level=3"');
    const nobody = await post(router.url, '/voice/next?level=3', voice(PLATFORM_LINE, { DialCallStatus: 'failed' }));
    expect(nobody.body).toMatch(/<Say[^>]*>Nobody from the on-call team could be reached/);
    expect(dialled(nobody.body)).toBeUndefined();
  });

  it('a renotify step of the same rotation does not ring the same person twice', async () => {
    now = Date.parse('2026-03-30T09:30:00+02:00');
    const next = await post(router.url, '/voice/next?level=1', voice(STOREFRONT_LINE, { DialCallStatus: 'no-answer' }));
    expect(dialled(next.body)).toBe(PHONES.manon);
  });

  it('when a rotation covers nobody at that moment, go straight to the next level', async () => {
    // The platform secondary only backs up in business hours: at night, no answer from the primary goes to the manager.
    const teams = teamsWithLines('business-hours');
    cleanup.push(teams);
    const r = await startRouter({
      teamsDir: teams,
      port: 0,
      host: '127.0.0.1',
      authToken: AUTH_TOKEN,
      now: () => Date.parse('2026-01-07T22:00:00+01:00'),
      log: () => {},
      env: {},
    });
    try {
      expect(dialled((await post(r.url, '/voice', voice(PLATFORM_LINE))).body)).toBe(PHONES.emma);
      expect(dialled((await post(r.url, '/voice/next?level=1', voice(PLATFORM_LINE, { DialCallStatus: 'no-answer' }))).body)).toBe(
        PHONES.manon,
      );
    } finally {
      await r.close();
    }
  });

  it('a payments call goes to run in business hours and to the night rotation outside them', async () => {
    now = Date.parse('2026-01-07T10:00:00+01:00');
    expect(dialled((await post(router.url, '/voice', voice(PAYMENTS_LINE))).body)).toBe('+33639980203'); // jules
    now = Date.parse('2026-01-10T22:00:00+01:00');
    expect(dialled((await post(router.url, '/voice', voice(PAYMENTS_LINE))).body)).toBe(PHONES.hugo);
  });

  it('an answered call ends there', async () => {
    const r = await post(router.url, '/voice/next?level=1', voice(STOREFRONT_LINE, { DialCallStatus: 'completed' }));
    expect(r.body).toContain('<Hangup/>');
    expect(dialled(r.body)).toBeUndefined();
  });

  it('moves to the next person at the handoff without a reload', async () => {
    now = Date.parse('2026-10-26T08:59:00+01:00');
    expect(dialled((await post(router.url, '/voice', voice(STOREFRONT_LINE))).body)).toBe(PHONES.bruno);
    now = Date.parse('2026-10-26T09:00:00+01:00');
    expect(dialled((await post(router.url, '/voice', voice(STOREFRONT_LINE))).body)).toBe(PHONES.chloe);
  });
});

describe('SMS', () => {
  it("forwards the message to the person on call, prefixed with the sender's number", async () => {
    now = Date.parse('2026-03-30T09:30:00+02:00');
    const r = await post(router.url, '/sms', {
      MessageSid: 'SM1',
      From: '+33612345678',
      To: STOREFRONT_LINE,
      Body: 'Site down <urgent> & slow',
    });
    expect(r.status).toBe(200);
    expect(r.body).toContain(`<Message to="${PHONES.alice}">From +33612345678: Site down &lt;urgent&gt; &amp; slow</Message>`);
  });

  it("keeps a 1,600-character SMS within Twilio's 1,600-character body, cut with a marker after the sender's number", async () => {
    now = Date.parse('2026-03-30T09:30:00+02:00');
    const body = 'Checkout failing for every card. '.repeat(49).slice(0, 1600);
    const r = await post(router.url, '/sms', { MessageSid: 'SM2', From: '+33612345678', To: STOREFRONT_LINE, Body: body });
    expect(r.status).toBe(200);
    const text = /<Message to="[^"]+">([^<]*)<\/Message>/.exec(r.body)?.[1] ?? '';
    expect(text.length).toBeLessThanOrEqual(1600);
    expect(text).toBe(`From +33612345678: ${body.slice(0, text.length - 22)}...`);
  });
});

describe('what the router refuses', () => {
  it('403 on a missing or forged signature, or one made with another token or URL', async () => {
    expect((await post(router.url, '/voice', voice(STOREFRONT_LINE), { signature: null })).status).toBe(403);
    expect((await post(router.url, '/voice', voice(STOREFRONT_LINE), { signature: 'Zm9yZ2VkIHNpZ25hdHVyZQ==' })).status).toBe(403);
    expect((await post(router.url, '/voice', voice(STOREFRONT_LINE), { token: 'another-token' })).status).toBe(403);
    expect((await post(router.url, '/voice', voice(STOREFRONT_LINE), { publicUrl: 'https://evil.example' })).status).toBe(403);
  });

  it('never dials a number taken from the request', async () => {
    const r = await post(router.url, '/voice', voice(STOREFRONT_LINE, { Number: '+33699999999', Forward: '+33699999999' }));
    expect(r.body).not.toContain('+33699999999');
    expect(r.body).not.toContain('+33612345678</Number>');
  });

  it('413 for a body over 64 KiB, without reading the rest', async () => {
    const r = await post(router.url, '/voice', voice(STOREFRONT_LINE, { Padding: 'x'.repeat(70_000) }));
    expect(r.status).toBe(413);
  });

  it('cuts off a body far over the limit and keeps serving', async () => {
    const outcome = await post(router.url, '/voice', voice(STOREFRONT_LINE, { Padding: 'x'.repeat(3_000_000) })).then(
      (r) => r.status,
      () => 'connection closed',
    );
    expect([413, 'connection closed']).toContain(outcome);
    expect((await fetch(`${router.url}/healthz`)).status).toBe(200);
  });

  it('404 for a number that is not an on-call line', async () => {
    const r = await post(router.url, '/voice', voice('+33199000999'));
    expect(r.status).toBe(404);
  });

  it('404 for an unknown path, 405 for GET on a webhook, healthz without numbers', async () => {
    expect((await fetch(`${router.url}/nothing`)).status).toBe(404);
    expect((await fetch(`${router.url}/voice`)).status).toBe(405);
    const health = await fetch(`${router.url}/healthz`);
    expect(health.status).toBe(200);
    const text = await health.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', lines: 3 });
    expect(text).not.toMatch(/\+\d{6}/);
  });

  it('logs never contain a full phone number', () => {
    expect(logs.length).toBeGreaterThan(10);
    const all = JSON.stringify(logs);
    expect(all).not.toMatch(/\+[0-9]{9,}/);
    expect(all).toMatch(/"dialed":\["alice"\]/);
  });
});

describe('reload and load', () => {
  it('reloads its data on SIGHUP-style reload without closing the socket', async () => {
    now = Date.parse('2026-03-30T09:30:00+02:00');
    const file = join(dir, 'storefront', 'team.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace(
        '        reason: Christmas\n',
        '        reason: Christmas\n      - { person: chloe, start: 2026-03-30 09:00, end: 2026-03-31 09:00 }\n',
      ),
    );
    await router.reload();
    expect(dialled((await post(router.url, '/voice', voice(STOREFRONT_LINE))).body)).toBe(PHONES.chloe);
    // A reload that fails keeps the previous data.
    writeFileSync(file, 'members: [\n');
    await router.reload();
    expect(dialled((await post(router.url, '/voice', voice(STOREFRONT_LINE))).body)).toBe(PHONES.chloe);
    expect(logs.some((l) => l.event === 'reload failed, keeping the previous data')).toBe(true);
    writeFileSync(file, original);
    await router.reload();
  });

  it('answers a bounded burst of concurrent signed requests without an error', async () => {
    now = Date.parse('2026-03-30T09:30:00+02:00');
    const results: number[] = [];
    const workers = Array.from({ length: 25 }, async () => {
      for (let i = 0; i < 16; i++) {
        const r = await post(router.url, '/voice', voice(STOREFRONT_LINE));
        results.push(dialled(r.body) === PHONES.alice ? r.status : -r.status);
      }
    });
    await Promise.all(workers);
    expect(results).toHaveLength(400);
    expect(results.every((s) => s === 200)).toBe(true);
  });
});

describe('phone numbers from a secrets file or the environment', () => {
  it('prefers the secrets file over the YAML, and the environment over both', async () => {
    const teams = mkdtempSync(join(tmpdir(), 'oncall-router-'));
    cleanup.push(teams);
    cpSync(FIXTURE_DIR, teams, { recursive: true });
    const secrets = join(teams, '..', `secrets-${Date.now()}.yaml`);
    cleanup.push(secrets);
    writeFileSync(secrets, 'twilioAuthToken: from-the-file\nphones:\n  alice: "+33639980199"\n');
    const r = await startRouter({
      teamsDir: teams,
      secretsFile: secrets,
      port: 0,
      host: '127.0.0.1',
      now: () => Date.parse('2026-03-30T09:30:00+02:00'),
      log: () => {},
      env: { ONCALL_PHONE_MANON: '+33639980998' },
    });
    try {
      expect(dialled((await post(r.url, '/voice', voice(STOREFRONT_LINE), { token: 'from-the-file' })).body)).toBe('+33639980199');
      expect(
        dialled(
          (await post(r.url, '/voice/next?level=1', voice(STOREFRONT_LINE, { DialCallStatus: 'no-answer' }), { token: 'from-the-file' }))
            .body,
        ),
      ).toBe('+33639980998');
    } finally {
      await r.close();
    }
  });
});
