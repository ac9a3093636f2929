/**
 * The router on node:http. It loads the organisation once, answers from memory, refreshes each line's
 * levels at its next handoff, and reloads its data and its secrets (the auth token, the numbers) on SIGHUP
 * without closing the listening socket (calls in progress keep the state they started with; the next request
 * uses the new one). A reload is read and validated in a worker thread with a time limit: the server keeps
 * answering meanwhile, and keeps the previous data when the reload fails.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskPhonesInText } from '../core/mask-phones';
import { readForm } from './form';
import { readRouterData, RouterSetupError, type RouterData } from './load-data';
import { phoneBook, type RouterSecrets } from './phones';
import { loadInWorker, RELOAD_TIME_LIMIT_MS, workerScript, type WorkerLoad } from './reload';
import { route, unsigned, WEBHOOK_PATHS } from './route';
import { wellFormedSignature } from './signature';
import { RouterState } from './state';

export { RouterSetupError };

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
  /** How long a reload may take before it is abandoned. */
  readonly reloadTimeLimitMs?: number;
}

const MAX_BODY = 64 * 1024;
/** Beyond this much, an oversized body is no longer read: the connection is closed. */
const DISCARD_LIMIT = 1024 * 1024;

/** `X-Twilio-Signature` (the first, if a client sent several). */
export function signatureHeader(headers: IncomingHttpHeaders): string | undefined {
  const value = headers['x-twilio-signature'];
  return Array.isArray(value) ? value[0] : value;
}

function stateOf(options: Pick<RouterOptions, 'env'>, data: RouterData, now: number): { state: RouterState; secrets?: RouterSecrets } {
  const state = new RouterState(data.organisation, phoneBook(data.organisation, data.secrets, options.env ?? process.env), now);
  return { state, secrets: data.secrets };
}

/** The auth token and where it comes from: the option, then TWILIO_AUTH_TOKEN, then the secrets file. */
function tokenOf(options: RouterOptions, secrets: RouterSecrets | undefined): { token?: string; from: string } {
  if (options.authToken) return { token: options.authToken, from: 'option' };
  if (options.env?.TWILIO_AUTH_TOKEN) return { token: options.env.TWILIO_AUTH_TOKEN, from: 'environment' };
  return { token: secrets?.twilioAuthToken, from: 'secrets file' };
}

/** Why a load failed, for the log: its first lines, without quoted source lines, numbers masked. */
function reasonOf(err: unknown): string[] {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s/.test(l));
  return lines.slice(0, 6).map((l) => maskPhonesInText(l));
}

const HEADERS: Record<string, Record<string, string>> = {};
function headersFor(contentType: string): Record<string, string> {
  return (HEADERS[contentType] ??= { 'Content-Type': contentType });
}

export interface RunningRouter {
  readonly server: Server;
  readonly url: string;
  /** Reloads the data and the secrets; resolves once the new data is in use or the reload has failed. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((e) => process.stdout.write(`${JSON.stringify({ time: new Date(now()).toISOString(), ...e })}\n`));
  /** `log: false` turns request logs off (benchmarks); startup and reload events are still reported. */
  const logging = options.requestLogs !== false;
  let loading: WorkerLoad | undefined;
  let closing = false;
  let running: Promise<void> | undefined;
  let again = false;
  const load = async (at: number): Promise<RouterData> => {
    if (!workerScript()) return readRouterData(options, at); // running from source without a build (tests only)
    loading = loadInWorker(options, at, options.reloadTimeLimitMs ?? RELOAD_TIME_LIMIT_MS);
    try {
      return await loading.done;
    } finally {
      loading = undefined;
    }
  };
  // The first load too: a file that would take the parser minutes stops the start with a reason instead.
  let { state, secrets } = stateOf(options, await load(now()), now());
  const first = tokenOf(options, secrets);
  if (!first.token) throw new RouterSetupError('no Twilio auth token: set TWILIO_AUTH_TOKEN or `twilioAuthToken` in the secrets file');
  let authToken: string = first.token;
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
      const form = readForm(body);
      const signature = signatureHeader(req.headers);
      const current = state; // a reload swaps it; this request keeps the one it started with
      const answer = route(
        { method: req.method ?? 'GET', url: req.url ?? '/', signature, form },
        { state: current, authToken, publicUrl: publicUrl(), now: now(), logs: logging },
      );
      res.writeHead(answer.status, headersFor(answer.contentType)).end(answer.body);
      if (logging) log(answer.log);
    } catch (err) {
      log({ error: maskPhonesInText(err instanceof Error ? err.message : String(err)) });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('error\n');
    }
  };
  /** Answers without reading the body, and closes the connection rather than read what is left of it. */
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    answer: { status: number; body: string; log: Record<string, unknown> },
  ): void => {
    res.writeHead(answer.status, { 'Content-Type': 'text/plain', Connection: 'close' }).end(answer.body);
    req.resume();
    if (logging) log(answer.log);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      req.resume();
      handle(req, res, '');
      return;
    }
    // A webhook whose signature cannot match, or whose body is over the limit, is refused before its body is read.
    const q = (req.url ?? '/').indexOf('?');
    const path = q < 0 ? (req.url ?? '/') : (req.url ?? '/').slice(0, q);
    if (WEBHOOK_PATHS.has(path)) {
      const signature = signatureHeader(req.headers);
      if (!wellFormedSignature(signature)) return refuse(req, res, unsigned('POST', path, signature));
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY)
        return refuse(req, res, { status: 413, body: 'too large\n', log: { method: 'POST', path, status: 413 } });
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
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE'
          ? 'the address is in use'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.code === 'EADDRNOTAVAIL'
              ? 'no such local address'
              : err.message;
      reject(new RouterSetupError(`cannot listen on ${options.host}:${options.port}: ${why}`));
    });
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;
  const publicUrl = (): string => options.publicUrl ?? url;
  schedule();

  const reloadOnce = async (): Promise<void> => {
    try {
      const data = await load(now());
      const token = tokenOf(options, data.secrets);
      if (!token.token)
        throw new RouterSetupError(
          'no Twilio auth token in the reloaded secrets: set TWILIO_AUTH_TOKEN or `twilioAuthToken` in the secrets file',
        );
      const loaded = stateOf(options, data, now());
      const tokenChanged = token.token !== authToken;
      state = loaded.state;
      secrets = loaded.secrets;
      authToken = token.token;
      schedule();
      const missing = state.missingPhones();
      log({
        event: 'reloaded',
        teams: options.teamsDir,
        lines: state.lineCount,
        people: state.organisation.people.size,
        ...(options.secretsFile ? { secretsFile: options.secretsFile, phonesFromSecrets: secrets?.phones.size ?? 0 } : {}),
        authToken: `${tokenChanged ? 'changed' : 'unchanged'} (from the ${token.from})`,
        ...(missing.length ? { withoutPhone: missing } : {}),
      });
    } catch (err) {
      const [reason, ...details] = reasonOf(err);
      log({ event: 'reload failed, keeping the previous data', reason, ...(details.length ? { details } : {}) });
    }
  };
  /** One reload at a time; a SIGHUP during a reload asks for one more after it, with what is then on disk. */
  const reload = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await reloadOnce();
      } while (again && !closing);
      running = undefined;
    })();
    return running;
  };
  const missing = state.missingPhones();
  log({ event: 'listening', url, publicUrl: publicUrl(), lines: state.lineCount, ...(missing.length ? { withoutPhone: missing } : {}) });
  return {
    server,
    url,
    reload,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        loading?.cancel();
        if (timer) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
