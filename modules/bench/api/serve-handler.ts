/**
 * A plain node:http server on 127.0.0.1 around a pure API handler (an account served from an export), for
 * `npm run bench`. The tests wrap the same handlers in test/pulumi/openapi-server.ts, which also checks every
 * request and answer against the vendor's API description.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiAnswer, ApiRequest } from './opsgenie-account';

export async function serveHandler(handler: (request: ApiRequest) => ApiAnswer): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
      res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  // A client pauses between reads (the import's own work, or the bench's next row): an idle connection closed by
  // the server as the client reuses it would fail a request that the server never saw.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
