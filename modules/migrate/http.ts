/**
 * GET of a JSON document from a backend's API with a read-only key: waits as told by `429 Retry-After`
 * (a few times), tries again after a failed connection (a few times), and fails with a message that names the
 * URL path and status, never the key.
 * Node's own fetch (undici): no dependency.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface GetOptions {
  readonly headers: Readonly<Record<string, string>>;
  /** How many 429 answers to wait out before giving up. */
  readonly retries?: number;
  /** Longest wait honoured for one Retry-After, in seconds. */
  readonly maxWaitSeconds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, (date - now) / 1000);
}

export async function getJson(url: string, options: GetOptions): Promise<unknown> {
  const retries = options.retries ?? 5;
  const sleep = options.sleep ?? pause;
  const where = new URL(url);
  const shown = `${where.origin}${where.pathname}`;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json', ...options.headers } });
    } catch (error) {
      // A GET is safe to repeat: a connection reset or refused is tried again twice, 1 s then 2 s later (a wrong
      // address fails within 3 s).
      if (attempt < Math.min(retries, 2)) {
        await sleep(1000 * (attempt + 1));
        continue;
      }
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message;
      throw new ApiError(`GET ${shown}: ${(error as Error).message}${why ? ` (${why})` : ''}`, null);
    }
    if (response.status === 429 && attempt < retries) {
      const wait = Math.min(retryAfterSeconds(response.headers.get('retry-after')), options.maxWaitSeconds ?? 60);
      await response.arrayBuffer();
      await sleep(wait * 1000);
      continue;
    }
    if (!response.ok) {
      await response.arrayBuffer();
      const hint = response.status === 401 || response.status === 403 ? ' (is the key valid and allowed to read?)' : '';
      throw new ApiError(`GET ${shown}: HTTP ${response.status}${hint}`, response.status);
    }
    try {
      return await response.json();
    } catch {
      throw new ApiError(`GET ${shown}: the answer is not JSON`, response.status);
    }
  }
}
