/**
 * JSON over HTTPS for the override providers: a timeout on every attempt, retries with backoff on 429 (after the
 * delay the service asks for) and on 5xx, all within a bounded total time. Errors name what was being done and
 * the HTTP status; the keys of the request are removed from any text that could reach a log.
 */

export interface HttpPolicy {
  /** Each attempt is abandoned after this long. */
  readonly attemptTimeoutMs: number;
  /** No attempt starts, and no wait is planned, past this long after the first one. */
  readonly deadlineMs: number;
  /** Backoff without a delay from the service: base × 2^(attempt − 1), with jitter, at most maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_POLICY: HttpPolicy = { attemptTimeoutMs: 30_000, deadlineMs: 180_000, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** What differs between the services. */
export interface ApiProfile {
  readonly service: string;
  /** Values that must never appear in an error (the keys sent in headers). */
  readonly secrets: readonly string[];
  /** The wait a 429 asks for, from the service's own rate-limit headers, when `Retry-After` is absent. */
  rateLimitDelayMs(headers: Headers): number | undefined;
}

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** What the request is about, for errors: "PagerDuty override of schedule P1 starting …". */
  readonly about: string;
  /** Statuses that are an answer, not an error (404 on a read or a delete). */
  readonly accept?: readonly number[];
}

export interface ApiResponse {
  readonly status: number;
  readonly json: unknown;
  readonly headers: Headers;
}

/**
 * The request may have been applied although no answer said so (a timeout, a connection cut, a 5xx after a
 * POST): the caller looks before it sends it again.
 */
export class MaybeAppliedError extends Error {}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After`: seconds, or an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A header holding a number of seconds, as a delay. */
export function secondsHeaderMs(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value !== null && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) * 1000 : undefined;
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

function describe(req: ApiRequest): string {
  const u = new URL(req.url);
  return `${req.method} ${u.origin}${u.pathname}`;
}

function summary(json: unknown): string {
  if (json === undefined) return '(no body)';
  return (typeof json === 'string' ? json : JSON.stringify(json)).slice(0, 300);
}

function backoffMs(policy: HttpPolicy, attempt: number): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return full / 2 + (Math.random() * full) / 2;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Sends a request until it gets an answer. GET, PUT and DELETE are repeated after a timeout or a 5xx (sending them
 * twice does no harm); a POST is not: a MaybeAppliedError lets the caller look for what it may have created.
 */
export async function requestJson(req: ApiRequest, profile: ApiProfile, policy: HttpPolicy = DEFAULT_POLICY): Promise<ApiResponse> {
  const started = Date.now();
  const fail = (message: string, status?: number): ApiError => new ApiError(redact(`${req.about}: ${message}`, profile.secrets), status);
  const idempotent = req.method !== 'POST';
  let lastProblem = '';
  for (let attempt = 1; ; attempt++) {
    const left = started + policy.deadlineMs - Date.now();
    if (left <= 0) throw fail(`gave up after ${attempt - 1} attempt(s) in ${Math.round(policy.deadlineMs / 1000)} s: ${lastProblem}`);
    let response: Response;
    let json: unknown;
    try {
      response = await fetch(req.url, {
        method: req.method,
        headers: { Accept: 'application/json', ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...req.headers },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(Math.min(policy.attemptTimeoutMs, left)),
      });
      // The body is read under the same timeout.
      json = await readJson(response);
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      lastProblem = `${describe(req)} ${timedOut ? `did not answer within ${Math.round(Math.min(policy.attemptTimeoutMs, left))} ms` : `failed (${e instanceof Error ? e.message : String(e)})`}`;
      if (!idempotent) throw new MaybeAppliedError(redact(`${req.about}: ${lastProblem}`, profile.secrets));
      await sleep(Math.min(backoffMs(policy, attempt), Math.max(0, started + policy.deadlineMs - Date.now())));
      continue;
    }
    if (response.ok || req.accept?.includes(response.status)) return { status: response.status, json, headers: response.headers };
    lastProblem = `${describe(req)} answered ${response.status}: ${summary(json)}`;
    if (response.status === 429) {
      // Not processed: safe to send again, POST included, once the service's delay has passed.
      const wait = retryAfterMs(response.headers) ?? profile.rateLimitDelayMs(response.headers) ?? backoffMs(policy, attempt);
      if (Date.now() + wait > started + policy.deadlineMs)
        throw fail(`${lastProblem} (the next attempt would be past the ${Math.round(policy.deadlineMs / 1000)} s limit)`, 429);
      await sleep(wait);
      continue;
    }
    if (response.status >= 500) {
      if (!idempotent) throw new MaybeAppliedError(redact(`${req.about}: ${lastProblem}`, profile.secrets));
      const wait = retryAfterMs(response.headers) ?? backoffMs(policy, attempt);
      if (Date.now() + wait > started + policy.deadlineMs) throw fail(lastProblem, response.status);
      await sleep(wait);
      continue;
    }
    throw fail(lastProblem, response.status);
  }
}

/** Inputs that differ between two states. */
export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
}

/** Two timestamps that name the same instant (the services answer in their own offset). */
export function sameInstant(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b);
}
