import { displayPath, type SourceTree } from '../spec/source';

/** File as shown in problems → its text, for printing the offending line. */
export function sourcesOf(tree: SourceTree | undefined): Map<string, string> {
  if (!tree) return new Map();
  return new Map([...tree.files].map(([rel, text]) => [displayPath(tree, rel), text]));
}
