/** The files of an organisation, read from disk or from a git tree, as plain text. */
export interface SourceTree {
  /** How paths are shown to the user: the teams directory as given (`teams`). */
  readonly root: string;
  /** Relative POSIX path (`storefront/team.yaml`) → contents. Holds YAML and markdown files. */
  readonly files: ReadonlyMap<string, string>;
  /** Files too large to read, by relative path → size in bytes. */
  readonly oversized: ReadonlyMap<string, number>;
  /**
   * Files and folders that exist but cannot be read (permissions, not UTF-8, a symbolic link, a folder
   * where a file is expected), by relative path → why. A folder's path ends with `/`.
   */
  readonly faults?: ReadonlyMap<string, FileFault>;
}

/** Why a file or folder of the tree was not read; positioned when the fault is inside the file. */
export interface FileFault {
  readonly code: 'file/unreadable' | 'file/not-utf8' | 'file/symlink';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Largest file the loader reads. A team file with a thousand alerts is well under 1 MiB. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export function displayPath(tree: SourceTree, relative: string): string {
  if (tree.root === '' || tree.root === '.') return relative;
  return `${tree.root.replace(/\/+$/, '')}/${relative}`;
}

/** File as shown in problems → its text, for printing the offending line. */
export function sourceTexts(tree: SourceTree | undefined): Map<string, string> {
  if (!tree) return new Map();
  return new Map([...tree.files].map(([rel, text]) => [displayPath(tree, rel), text]));
}
