import { describe, expect, it } from 'vitest';
import { forwardSms } from '../../modules/router/twiml';

/** Twilio's limit on a Message body (spec/yaml/twilio_api_v2010.yaml in twilio/twilio-oai: "up to 1,600 characters"). */
const LIMIT = 1600;
const SENDER = '+33612345678';
const PREFIX = `From ${SENDER}: `;

/** The text Twilio receives: the <Message> element's content, unescaped as an XML parser would. */
function messageText(twiml: string): string {
  const m = /<Message to="[^"]*">([^<]*)<\/Message>/.exec(twiml);
  if (!m?.[1]) throw new Error(`no message in ${twiml}`);
  return m[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** True when the text holds a UTF-16 surrogate without its pair. */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('forwarded SMS within the length Twilio accepts', () => {
  it('cuts a 1,600-character SMS to the limit, keeping the prefix and marking the cut', () => {
    const body = 'abcdefghij'.repeat(160);
    expect(body).toHaveLength(LIMIT);
    const text = messageText(forwardSms('+33639980101', SENDER, body));
    expect(text.length).toBeLessThanOrEqual(LIMIT);
    expect(text.startsWith(PREFIX)).toBe(true);
    expect(text.endsWith('...')).toBe(true);
    const kept = text.slice(PREFIX.length, -'...'.length);
    expect(body.startsWith(kept)).toBe(true);
    // As much of the original as fits, not more cut than needed.
    expect(kept.length).toBe(LIMIT - PREFIX.length - '...'.length);
  });

  it('counts what XML escaping adds as nothing: Twilio counts the text, not the markup', () => {
    const body = '<&>'.repeat(600);
    const text = messageText(forwardSms('+33639980101', SENDER, body));
    expect(text.length).toBeLessThanOrEqual(LIMIT);
    expect(text.length).toBeGreaterThan(LIMIT - 5);
    expect(text.startsWith(PREFIX + '<&><&>')).toBe(true);
  });

  it('never cuts an emoji in half near the limit, counting each as its UTF-16 units', () => {
    for (const emoji of ['🔥', '👩‍🚒', '🇫🇷', 'é']) {
      // Always over the limit, the cut falling anywhere from inside the emoji to just before them.
      for (let pad = 0; pad < 6; pad++) {
        const body = 'x'.repeat(LIMIT - PREFIX.length - 6 + pad) + emoji.repeat(8);
        const text = messageText(forwardSms('+33639980101', SENDER, body));
        expect(text.length).toBeLessThanOrEqual(LIMIT);
        expect(text.startsWith(PREFIX)).toBe(true);
        expect(text.endsWith('...')).toBe(true);
        expect(hasLoneSurrogate(text)).toBe(false);
        const kept = text.slice(PREFIX.length, -'...'.length);
        expect(body.startsWith(kept)).toBe(true);
        // The cut falls between whole emoji: what is kept after the padding is a whole number of them.
        const tail = kept.replace(/^x*/, '');
        expect(tail.length % emoji.length).toBe(0);
        expect(tail).toBe(emoji.repeat(tail.length / emoji.length));
      }
    }
  });

  it('forwards messages that fit unchanged, up to exactly the limit', () => {
    for (const body of ['Site down', '', '🔥 payments 🇫🇷', 'y'.repeat(LIMIT - PREFIX.length)]) {
      expect(messageText(forwardSms('+33639980101', SENDER, body))).toBe(PREFIX + body);
    }
  });
});
