/** JSON over HTTPS for the override providers; errors carry the status and the body the API returned. */
export async function requestJson(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  if (!response.ok && !(method === 'DELETE' && response.status === 404)) {
    throw new Error(`${method} ${url.replace(/\?.*$/, '')} answered ${response.status}: ${typeof json === 'string' ? json : JSON.stringify(json)}`.slice(0, 1000));
  }
  return { status: response.status, json };
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the override provider reads its credentials from the environment of \`pulumi up\``);
  return value;
}

/** Inputs that differ between two states, for a replace-on-change diff. */
export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
}
