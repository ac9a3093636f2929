/**
 * The router on node:http. It loads the organisation once, answers from memory, refreshes each line's
 * levels at its next handoff, and reloads its data on SIGHUP without closing the listening socket (calls in
 * progress keep the state they started with; the next request uses the new one).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasErrors } from '../core/problem';
import { formatProblemsText } from '../core/problems-text';
import { analyse } from '../pipeline';
import { readTeamsDir } from '../spec/read-dir';
import { sourceTexts } from '../spec/source';
import { EMPTY_FORM, FormBody } from './form';
import { parseSecrets, phoneBook, type RouterSecrets } from './phones';
import { route } from './route';
import { RouterState } from './state';

export interface RouterOptions {
  readonly teamsDir: string;
  readonly secretsFile?: string;
  readonly authToken?: string;
  readonly port: number;
  readonly host: string;
  /** The base URL Twilio calls; default `http://<host>:<port>` (for local tests only). */
  readonly publicUrl?: string;
  readonly now?: () => number;
  readonly log?: (entry: Record<string, unknown>) => void;
  /** @default true */
  readonly requestLogs?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export class RouterSetupError extends Error {}

const MAX_BODY = 64 * 1024;
/** Beyond this much, an oversized body is no longer read: the connection is closed. */
const DISCARD_LIMIT = 1024 * 1024;

/**
 * `X-Twilio-Signature`, read from the raw header list: Node builds `req.headers` on first access, a cost
 * every request would pay for one header.
 */
export function signatureHeader(raw: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 18 && name.toLowerCase() === 'x-twilio-signature') return raw[i + 1];
  }
  return undefined;
}

export function loadRouterState(options: Pick<RouterOptions, 'teamsDir' | 'secretsFile' | 'env'>, now: number): { state: RouterState; secrets?: RouterSecrets } {
  const tree = readTeamsDir(options.teamsDir);
  const { organisation, problems } = analyse(tree, now);
  if (hasErrors(problems) || !organisation) throw new RouterSetupError(`the organisation in ${options.teamsDir} is not valid:\n${formatProblemsText(problems.filter((p) => p.severity === 'error'), sourceTexts(tree))}`);
  const secrets = options.secretsFile ? parseSecrets(readFileSync(options.secretsFile, 'utf8'), options.secretsFile) : undefined;
  const state = new RouterState(organisation, phoneBook(organisation, secrets, options.env ?? process.env), now);
  return { state, secrets };
}

const HEADERS: Record<string, Record<string, string>> = {};
function headersFor(contentType: string): Record<string, string> {
  return (HEADERS[contentType] ??= { 'Content-Type': contentType });
}

export interface RunningRouter {
  readonly server: Server;
  readonly url: string;
  reload(): void;
  close(): Promise<void>;
}

export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((e) => process.stdout.write(`${JSON.stringify({ time: new Date(now()).toISOString(), ...e })}\n`));
  /** `log: false` turns request logs off (benchmarks); startup and reload events are still reported. */
  const logging = options.requestLogs !== false;
  let { state, secrets } = loadRouterState(options, now());
  const authToken = options.authToken ?? options.env?.TWILIO_AUTH_TOKEN ?? secrets?.twilioAuthToken;
  if (!authToken) throw new RouterSetupError('no Twilio auth token: set TWILIO_AUTH_TOKEN or `twilioAuthToken` in the secrets file');
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    const next = state.refresh(now());
    const delay = Math.max(1000, Math.min(next - now(), 3_600_000));
    timer = setTimeout(schedule, delay);
    timer.unref();
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    try {
      const form = body === '' ? EMPTY_FORM : new FormBody(body);
      const signature = signatureHeader(req.rawHeaders);
      const current = state; // a reload swaps it; this request keeps the one it started with
      const answer = route(
        { method: req.method ?? 'GET', url: req.url ?? '/', signature, form },
        { state: current, authToken, publicUrl: publicUrl(), now: now(), logs: logging },
      );
      res.writeHead(answer.status, headersFor(answer.contentType)).end(answer.body);
      if (logging) log(answer.log);
    } catch (err) {
      log({ error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('error\n');
    }
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      req.resume();
      handle(req, res, '');
      return;
    }
    // Plain stream callbacks: no promise per request on the hot path; bytes are decoded once, at the end.
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        // Answer 413 at once and read the rest without keeping it, so the client gets the answer rather
        // than a reset connection; a body far over the limit is cut off.
        if (!tooLarge) {
          tooLarge = true;
          res.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' }).end('too large\n');
        }
        if (size > DISCARD_LIMIT) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) handle(req, res, (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8'));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;
  const publicUrl = (): string => options.publicUrl ?? url;
  schedule();

  const reload = (): void => {
    try {
      const loaded = loadRouterState(options, now());
      state = loaded.state;
      secrets = loaded.secrets;
      schedule();
      log({ event: 'reloaded', lines: state.lineCount });
    } catch (err) {
      log({ event: 'reload failed, keeping the previous data', error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
    }
  };
  const missing = state.missingPhones();
  log({ event: 'listening', url, publicUrl: publicUrl(), lines: state.lineCount, ...(missing.length ? { withoutPhone: missing } : {}) });
  return {
    server,
    url,
    reload,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
