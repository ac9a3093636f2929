/** Requests to the router signed exactly as Twilio signs them, with the official package. */
import twilio from 'twilio';

export const AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

export async function post(
  base: string,
  path: string,
  params: Record<string, string>,
  opts: { token?: string; signature?: string | null; publicUrl?: string } = {},
): Promise<{ status: number; body: string }> {
  const url = `${opts.publicUrl ?? base}${path}`;
  const signature =
    opts.signature === null ? undefined : (opts.signature ?? twilio.getExpectedTwilioSignature(opts.token ?? AUTH_TOKEN, url, params));
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(signature ? { 'X-Twilio-Signature': signature } : {}) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

/** The number dialled or messaged in a TwiML answer. */
export function dialled(twiml: string): string | undefined {
  return /<Number>([^<]+)<\/Number>/.exec(twiml)?.[1] ?? /<Message to="([^"]+)"/.exec(twiml)?.[1];
}
