/**
 * A stack named as `oncall plan` names it (`--stack acme-pagerduty`, found as Pulumi.<name>.yaml in the stacks
 * directory) or given as the path of its file (`stacks/Pulumi.acme-pagerduty.yaml`): the path of the file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathIn, type Io } from './io';
import { UsageError } from './usage-error';

const FILE = /\.ya?ml$/;

export function stackFileOf(value: string, stacksDir: string, io: Pick<Io, 'cwd'>, option = '--stack'): string {
  if (FILE.test(value) || value.includes('/')) return value;
  const file = join(stacksDir, `Pulumi.${value}.yaml`);
  if (existsSync(pathIn(io, file))) return file;
  let names: string[] = [];
  try {
    names = readdirSync(pathIn(io, stacksDir))
      .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .sort();
  } catch {
    // No stacks directory: said below.
  }
  throw new UsageError(
    `${option} \`${value}\`: no stack of that name in ${stacksDir} (${names.length ? `stacks: ${names.join(', ')}` : 'none there'}); give a name or the path of a Pulumi.<stack>.yaml file`,
  );
}
