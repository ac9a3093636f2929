import { closest, distance } from 'fastest-levenshtein';

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

/** `; did you mean \`alice\`?` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}
