/** A local HTTP server on 127.0.0.1 answering like a backend's overrides endpoint, recording each request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  readonly rawBody: string;
}

export type Handler = (req: Recorded) => { status: number; body?: unknown };

export async function fakeApi(handler: Handler): Promise<{ url: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const json = /json/.test(req.headers['content-type'] ?? '');
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text === '' || !json ? undefined : JSON.parse(text), rawBody: text };
      requests.push(recorded);
      const answer = handler(recorded);
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
