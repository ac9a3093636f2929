import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, when it is close enough to be a plausible typo
 * (at most a third of the word's length, and at least one edit allowed).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const best = closest(word, list);
  const limit = Math.max(1, Math.floor(word.length / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

/** `; did you mean \`alice\`?` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}
