/**
 * The text of a forwarded SMS, kept within what Twilio accepts.
 *
 * Twilio's Message resource takes a `Body` of "up to 1,600 characters" (twilio/twilio-oai,
 * spec/json/twilio_api_v2010.json and spec/yaml/twilio_api_v2010.yaml, Message create, `Body`); a longer body is
 * refused and the on-call person gets nothing. The same description counts non-GSM text in UCS-2 characters,
 * 16-bit units in which an emoji outside the Basic Multilingual Plane takes two (a UTF-16 surrogate pair). So the
 * length counted here is UTF-16 code units (a JavaScript string's length): never fewer than code points, a body
 * within it fits whichever way Twilio counts.
 */
export const SMS_BODY_LIMIT = 1600;

/** ASCII, so a GSM-7 message stays GSM-7 (a "…" would make Twilio send it in UCS-2, in twice as many segments). */
export const CUT_MARKER = '...';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest start of `text` of at most `budget` code units that ends between two whole graphemes. */
function startWithin(text: string, budget: number): string {
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * `prefix` then `text`, whole when it fits; otherwise the text is cut between graphemes (never inside an emoji
 * or a surrogate pair) and ends with CUT_MARKER, the prefix kept.
 */
export function fitSmsBody(prefix: string, text: string, limit: number = SMS_BODY_LIMIT): string {
  if (prefix.length + text.length <= limit) return prefix + text;
  const budget = limit - CUT_MARKER.length;
  // A prefix too long to leave room (never a real sender) is cut like the text rather than sent over the limit.
  if (prefix.length > budget) return startWithin(prefix, budget) + CUT_MARKER;
  return prefix + startWithin(text, budget - prefix.length) + CUT_MARKER;
}
