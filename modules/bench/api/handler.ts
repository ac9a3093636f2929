/**
 * The shape every local API handler under modules/bench/api/ shares: a request and an answer as plain data, and a
 * pure handler from one to the other (an account or an incident history served from a data set). `npm run bench`
 * serves a handler with serveApi, a plain node:http server on 127.0.0.1; the tests wrap the same handlers in the
 * server that checks every request and answer against the vendor's API description (test/pulumi/openapi-server.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRequest {
  readonly method: string;
  /** The URL path, without the query (`/v2/users`). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type ApiHandler = (request: ApiRequest) => ApiAnswer;

export interface ServedApi {
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeApiOptions {
  /** How long an idle kept-alive connection stays open, in milliseconds (default 10 minutes). */
  readonly keepAliveTimeout?: number;
}

/** Serves a handler on 127.0.0.1 (a free port), JSON bodies; close() also ends the kept-alive connections. */
export async function serveApi(handler: ApiHandler, options: ServeApiOptions = {}): Promise<ServedApi> {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
      res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  // A client pauses between reads (an import's own work, a report computing, the bench's next row) and reuses its
  // kept-alive connection: node's 5-second default would close it under the client's feet.
  server.keepAliveTimeout = options.keepAliveTimeout ?? 10 * 60_000;
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
