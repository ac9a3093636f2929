/**
 * The JSON GET every account and history reader goes through: 429 with Retry-After waited out (RFC 9110 §10.2.3:
 * delta-seconds or an HTTP date), a dropped connection tried again, and errors that name the path but never the key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, getJson, retryAfterSeconds } from '../../modules/migrate/http';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((done) => s.close(() => done()));
});

async function serve(answer: (n: number, res: import('node:http').ServerResponse) => void): Promise<string> {
  let n = 0;
  const server = createServer((req, res) => answer(n++, res));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/users`;
}

const waits: number[] = [];
const sleep = (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

describe('getJson', () => {
  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(10);
    expect(retryAfterSeconds(null)).toBe(1);
  });

  it('waits out a 429 as told, then reads the answer', async () => {
    waits.length = 0;
    const url = await serve((n, res) =>
      n === 0 ? res.writeHead(429, { 'Retry-After': '3' }).end() : res.writeHead(200, { 'Content-Type': 'application/json' }).end('[1]'),
    );
    expect(await getJson(url, { headers: {}, sleep })).toEqual([1]);
    expect(waits).toEqual([3000]);
  });

  it('tries again after a dropped connection', async () => {
    waits.length = 0;
    const url = await serve((n, res) =>
      n === 0 ? res.socket?.destroy() : res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
    );
    expect(await getJson(url, { headers: {}, sleep })).toEqual({ ok: true });
    expect(waits).toHaveLength(1);
  });

  it('gives up after its retries, naming the path and never the key', async () => {
    const url = await serve((_n, res) => res.socket?.destroy());
    const error = await getJson(url, { headers: { Authorization: 'GenieKey secret-key-123' }, retries: 2, sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain('/v2/users');
    expect((error as Error).message).not.toContain('secret-key-123');
  });

  it('says a refused key is refused, without the key', async () => {
    const url = await serve((_n, res) => res.writeHead(401).end());
    const error = await getJson(url, { headers: { Authorization: 'Token token=abc987' }, sleep }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/HTTP 401 \(is the key valid and allowed to read\?\)/);
    expect((error as Error).message).not.toContain('abc987');
  });
});
