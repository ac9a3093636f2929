/** A webhook whose signature cannot match is refused before its body is read. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouter, type RunningRouter } from '../../modules/router/server';
import { FIXTURE_DIR } from '../helpers';
import { AUTH_TOKEN } from './signed';

let router: RunningRouter;
const logs: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  router = await startRouter({
    teamsDir: FIXTURE_DIR,
    port: 0,
    host: '127.0.0.1',
    authToken: AUTH_TOKEN,
    now: () => Date.parse('2026-03-30T09:30:00+02:00'),
    log: (e) => logs.push(e),
    env: {},
  });
});
afterAll(() => router.close());

/** Sends the headers of a POST announcing `length` bytes and never sends the body: only an answer that did not wait for it arrives. */
function headersOnly(path: string, length: number, signature?: string): Promise<number | 'no answer'> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(length) };
    if (signature !== undefined) headers['X-Twilio-Signature'] = signature;
    const req = request(`${router.url}${path}`, { method: 'POST', headers });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, 2000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => undefined);
    req.flushHeaders();
  });
}

describe('refused before the body is read', () => {
  it('no signature: 403 at once, without waiting for a 60 KB body', async () => {
    expect(await headersOnly('/voice', 60_000)).toBe(403);
    expect(logs.at(-1)).toMatchObject({ path: '/voice', status: 403, reason: 'no signature' });
  });

  it('a signature that is not the base64 of an HMAC-SHA1: 403 at once', async () => {
    expect(await headersOnly('/sms', 60_000, 'forged')).toBe(403);
    expect(await headersOnly('/voice/next?level=1', 60_000, `${'A'.repeat(27)}`)).toBe(403);
    expect(logs.at(-1)).toMatchObject({ status: 403, reason: 'malformed signature' });
  });

  it('a body announced over the limit: 413 at once', async () => {
    expect(await headersOnly('/voice', 10_000_000, `${'A'.repeat(27)}=`)).toBe(413);
  });

  it('a well-formed signature is checked against the body once it is there', async () => {
    expect(await headersOnly('/voice', 100, `${'A'.repeat(27)}=`)).toBe('no answer');
  });
});
