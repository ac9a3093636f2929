/**
 * A plain node:http server on 127.0.0.1 answering with an incident-history handler: what `npm run bench` serves
 * (the tests wrap the same handlers in the server that checks answers against the vendors' descriptions).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandler } from './incident-api';

export async function serveIncidents(handler: ApiHandler): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
      res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  // A client that pauses between reads (a report computing, then reading again) reuses its kept-alive connection:
  // node's 5-second default would close it under the client's feet.
  server.keepAliveTimeout = 120_000;
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
