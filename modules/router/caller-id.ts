/**
 * The caller id shown to the person rung. Twilio accepts as `<Dial callerId>` the calling number, the called
 * number or a verified outgoing number (error 13214, twilio.com/docs/api/errors/13214): `line` shows the
 * line's number (the called one), `caller` the number that called it. A withheld number (`anonymous`,
 * `restricted`…, or the keypad digits Twilio used to translate those words into before passing them on
 * unchanged — changelog 2022-11-16, "Upcoming changes to withheld caller ID behavior for <Dial> calls") is
 * not a number to show: the line's is shown instead, so the person rung still sees an on-call call.
 */
import { isValidPhoneNumber } from 'libphonenumber-js';
import type { PhoneLine } from '../model/types';

const KEYPAD: Record<string, string> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};
const WITHHELD_WORDS = ['ANONYMOUS', 'RESTRICTED', 'UNKNOWN', 'UNAVAILABLE', 'PRIVATE', 'BLOCKED'];
const WITHHELD_DIGITS = new Set(WITHHELD_WORDS.map((w) => `+${[...w].map((c) => KEYPAD[c]).join('')}`));

/** The caller's number when it is one that can be shown: E.164, valid, and not a withheld marker. */
export function shownCaller(from: string | undefined): string | undefined {
  if (from === undefined || !/^\+[1-9][0-9]{6,14}$/.test(from) || WITHHELD_DIGITS.has(from)) return undefined;
  return isValidPhoneNumber(from) ? from : undefined;
}

/** What `<Dial callerId>` carries on this line for a call from `from`, and whether it is the caller's. */
export function dialCallerId(line: Pick<PhoneLine, 'number' | 'callerId'>, from: string | undefined): { number: string; caller: boolean } {
  const caller = line.callerId === 'caller' ? shownCaller(from) : undefined;
  return caller ? { number: caller, caller: true } : { number: line.number, caller: false };
}
