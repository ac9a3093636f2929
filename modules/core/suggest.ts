import { closest, distance } from 'fastest-levenshtein';

/**
 * A message and what to write instead, kept apart so formatters can show the suggestion on its own
 * (`Problem.suggestion`). The suggestion is a short phrase that starts in lower case, with the text to write in
 * backticks (`` did you mean `alice`? ``, `` write `09:00` ``); every human-readable format prints it after the
 * message, separated by `; `.
 */
export interface Hinted {
  readonly message: string;
  readonly suggestion?: string;
}

/** The message with its suggestion, when there is one. */
export function hinted(message: string, suggestion: string | undefined): Hinted {
  return suggestion === undefined ? { message } : { message, suggestion };
}

/** `{ suggestion }` to spread into a problem, or nothing when there is none. */
export function suggestionField(suggestion: string | undefined): { suggestion?: string } {
  return suggestion === undefined ? {} : { suggestion };
}

/** A message with or without a suggestion, as problem fields. */
export function hintFields(message: string | Hinted): Hinted {
  return typeof message === 'string' ? { message } : hinted(message.message, message.suggestion);
}

/**
 * The candidate closest to `word`, when it is close enough to be a plausible typo
 * (a third of the word's length, at least two edits, or one for words of three letters or fewer).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const best = closest(word, list);
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

/** The suggestion ``did you mean `alice`?``, or undefined when no candidate is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
