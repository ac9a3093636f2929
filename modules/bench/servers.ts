/**
 * Child process for the router benchmark: the router on the generated organisation, or a bare node:http
 * server answering a constant, on 127.0.0.1. Prints its URL, then serves until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startRouter } from '../router/server';
import { generateOrganisation } from './generate';

export const BENCH_TOKEN = 'bench-token';
const BENCH_NOW = Date.parse('2026-11-25T15:00:00+01:00');
/** As in production, Twilio calls an https address without a port (the router sits behind TLS termination). */
export const BENCH_PUBLIC_URL = 'https://oncall-router-1.bench.example';

async function main(): Promise<void> {
  const [kind, squads] = process.argv.slice(2);
  if (kind === 'bare') {
    const body = '<?xml version="1.0" encoding="UTF-8"?><Response><Dial timeout="20"><Number>+33639980101</Number></Dial></Response>';
    const server = createServer((req, res) => {
      req.on('data', () => undefined);
      req.on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(body));
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write(`URL http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
    return;
  }
  const tree = generateOrganisation({ squads: Number(squads ?? 300) });
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-'));
  for (const [rel, text] of tree.files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const router = await startRouter({
    teamsDir: dir,
    port: 0,
    host: '127.0.0.1',
    publicUrl: BENCH_PUBLIC_URL,
    authToken: BENCH_TOKEN,
    now: () => BENCH_NOW,
    log: () => undefined,
    requestLogs: false,
    env: {},
  });
  process.stdout.write(`URL ${router.url}\n`);
}

if (require.main === module || process.env.ONCALL_BENCH_SERVER === '1') void main();
