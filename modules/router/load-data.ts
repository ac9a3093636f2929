/** What the router reads from disk: the organisation (validated) and the secrets file. */
import { readFileSync } from 'node:fs';
import { hasErrors } from '../core/problem';
import { formatProblemsText } from '../core/problems-text';
import type { Organisation } from '../model/types';
import { analyse } from '../pipeline';
import { readTeamsDir } from '../spec/read-dir';
import { sourceTexts } from '../spec/source';
import { parseSecrets, type RouterSecrets } from './phones';

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
  const tree = readTeamsDir(source.teamsDir);
  const { organisation, problems } = analyse(tree, now);
  if (hasErrors(problems) || !organisation) throw new RouterSetupError(`the organisation in ${source.teamsDir} is not valid:\n${formatProblemsText(problems.filter((p) => p.severity === 'error'), sourceTexts(tree))}`);
  const secrets = source.secretsFile ? parseSecrets(readFileSync(source.secretsFile, 'utf8'), source.secretsFile) : undefined;
  return { organisation, secrets };
}
