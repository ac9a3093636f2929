/** The Datadog On-Call account handler on a plain node:http server (127.0.0.1), for `npm run bench`. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccountExport } from '../../migrate/account';
import { datadogAccountHandler, type AccountServerOptions } from './datadog-oncall-account';

export async function serveDatadogAccount(
  account: AccountExport,
  options: AccountServerOptions,
): Promise<{ readonly url: string; readonly close: () => Promise<void> }> {
  const handle = datadogAccountHandler(account, options);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
    res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
