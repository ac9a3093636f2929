/**
 * A plain node:http server on 127.0.0.1 for a pure account handler (pagerduty-account.ts and the other backends'),
 * for the benchmark: the tests wrap the same handlers in the server that checks them against the vendors' API
 * descriptions (test/pulumi/openapi-server.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccountAnswer, AccountRequest } from './pagerduty-account';

export interface ServedAccount {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveAccount(handler: (req: AccountRequest) => AccountAnswer): Promise<ServedAccount> {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
      res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
