/** TwiML answers. The only phone numbers in them come from the organisation's data, never from a request. */
import { fitSmsBody } from './sms-body';

export const DIAL_TIMEOUT_SECONDS = 20;

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function dial(number: string, action: string, callerId?: string): string {
  const caller = callerId ? ` callerId="${xml(callerId)}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Dial timeout="${DIAL_TIMEOUT_SECONDS}" action="${xml(action)}" method="POST"${caller}><Number>${xml(number)}</Number></Dial></Response>`;
}

export function say(message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB">${xml(message)}</Say><Hangup/></Response>`;
}

export function hangup(): string {
  return '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
}

/** The body is fitted before escaping: Twilio counts the message's text, not the XML that carries it. */
export function forwardSms(to: string, from: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Message to="${xml(to)}">${xml(fitSmsBody(`From ${from}: `, body))}</Message></Response>`;
}

export function empty(): string {
  return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
}
