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
  // A site from the stack or the environment (DD_HOST, OPSGENIE_API_URL) may be anything: say so, not "Invalid URL".
  if (!URL.canParse(url))
    throw new Error(
      `\`${url.split('?')[0]}\` is not a URL: check the API site (the stack's \`apiUrl\` setting, DD_HOST or OPSGENIE_API_URL)`,
    );
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
