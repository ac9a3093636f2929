/**
 * TwiML answers. The numbers dialled or messaged come only from the organisation's data, never from a
 * request; the one number a request may supply is the caller's own, shown as caller id (`callerId: caller`)
 * once checked to be a real E.164 number.
 */
import type { PhoneSpeech } from '../model/types';
import { fitSmsBody } from './sms-body';

export const DIAL_TIMEOUT_SECONDS = 20;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

/** Text content: `&`, `<` and `>` escaped (quotes need no escaping there). */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

/** Rings every number at once (simultaneous dial): the first to answer takes the call, the others stop ringing. */
export function dial(numbers: string | readonly string[], action: string, callerId?: string): string {
  const caller = callerId ? ` callerId="${attr(callerId)}"` : '';
  const nouns = (typeof numbers === 'string' ? [numbers] : numbers).map((n) => `<Number>${text(n)}</Number>`).join('');
  return `${HEAD}<Response><Dial timeout="${DIAL_TIMEOUT_SECONDS}" action="${attr(action)}" method="POST"${caller}>${nouns}</Dial></Response>`;
}

/** Says `message` in the line's language and voice, then hangs up. */
export function say(message: string, speech: PhoneSpeech): string {
  const voice = speech.voice ? ` voice="${attr(speech.voice)}"` : '';
  return `${HEAD}<Response><Say language="${attr(speech.language)}"${voice}>${text(message)}</Say><Hangup/></Response>`;
}

export function hangup(): string {
  return `${HEAD}<Response><Hangup/></Response>`;
}

/**
 * The message to each person of the first level. The body is fitted before escaping: Twilio counts the
 * message's text, not the XML that carries it.
 */
export function forwardSms(to: string | readonly string[], from: string, body: string): string {
  const fitted = text(fitSmsBody(`From ${from}: `, body));
  const messages = (typeof to === 'string' ? [to] : to).map((n) => `<Message to="${attr(n)}">${fitted}</Message>`).join('');
  return `${HEAD}<Response>${messages}</Response>`;
}

export function empty(): string {
  return `${HEAD}<Response/>`;
}
