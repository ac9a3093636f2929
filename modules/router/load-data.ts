/** What the router reads from disk: the organisation (validated) and the secrets file. */
import { readFileSync } from 'node:fs';
import { hasErrors } from '../core/problem';
import { formatProblemsText } from '../core/problems-text';
import type { Organisation } from '../model/types';
import { analyse } from '../pipeline';
import { readTeamsDir, TeamsDirError } from '../spec/read-dir';
import { sourceTexts } from '../spec/source';
import { parseSecrets, SecretsError, type RouterSecrets } from './phones';

export class RouterSetupError extends Error {}

export interface RouterDataSource {
  readonly teamsDir: string;
  readonly secretsFile?: string;
}

export interface RouterData {
  readonly organisation: Organisation;
  readonly secrets?: RouterSecrets;
}

export function readRouterData(source: RouterDataSource, now: number): RouterData {
  let tree;
  try {
    tree = readTeamsDir(source.teamsDir);
  } catch (err) {
    if (err instanceof TeamsDirError) throw new RouterSetupError(err.message);
    throw err;
  }
  const { organisation, problems } = analyse(tree, now);
  if (hasErrors(problems) || !organisation)
    throw new RouterSetupError(
      `the organisation in ${source.teamsDir} is not valid:\n${formatProblemsText(
        problems.filter((p) => p.severity === 'error'),
        sourceTexts(tree),
      )}`,
    );
  const secrets = source.secretsFile ? parseSecrets(readSecretsFile(source.secretsFile), source.secretsFile) : undefined;
  return { organisation, secrets };
}

/** The secrets file's text; a missing or unreadable file is a setup error that names it, not a crash. */
function readSecretsFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'a directory, not a file'
            : (code ?? 'unreadable');
    throw new SecretsError(`the secrets file \`${file}\` (--secrets or ONCALL_SECRETS_FILE) cannot be read: ${why}`);
  }
}
