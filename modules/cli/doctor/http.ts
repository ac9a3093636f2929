/**
 * Read-only HTTP for `oncall doctor`: one GET with a time limit. Errors name the URL's path and the status,
 * never a header (the keys travel in headers).
 */
export interface Answer {
  readonly status: number;
  readonly json: unknown;
}

export type Get = (url: string, headers: Readonly<Record<string, string>>) => Promise<Answer>;

export const TIMEOUT_MS = 10_000;

export const httpGet: Get = async (url, headers) => {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json', ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const why = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'unreachable';
    throw new Error(`GET ${new URL(url).origin}${new URL(url).pathname}: ${why}`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
};
