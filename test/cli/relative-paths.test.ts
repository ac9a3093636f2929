/**
 * Problems name files from the working directory, as given or found: GitHub attaches an annotation to the diff
 * only when its path is relative to the repository's root, where the workflows run.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_STACKS, runCli, withEdit, writeTree } from '../helpers';

describe('paths in problems', () => {
  const tree = withEdit('payments/team.yaml', 'manager: manon', 'manager: manom');
  const repo = writeTree({ ...tree, files: new Map([...tree.files].map(([rel, text]) => [`teams/${rel}`, text])) });
  mkdirSync(join(repo, 'stacks'));
  const stack = readFileSync(join(FIXTURE_STACKS, 'Pulumi.acme-pagerduty.yaml'), 'utf8').replace(
    'oncall:backend: pagerduty',
    'oncall:backend: pagerdty',
  );
  writeFileSync(join(repo, 'stacks', 'Pulumi.acme-pagerduty.yaml'), stack);

  it.each([[[]], [['--teams', join(repo, 'teams')]], [['--teams', join(repo, 'teams'), '--stacks', join(repo, 'stacks')]]])(
    'are relative to the working directory (%j)',
    async (args) => {
      const run = await runCli(['validate', '--format', 'github', ...args], repo);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error file=teams\/payments\/team\.yaml,line=\d+,col=\d+,title=ref\/unknown-person::/m);
      expect(run.stdout).toMatch(/^::error file=stacks\/Pulumi\.acme-pagerduty\.yaml,line=4,col=19,title=stack\/backend::/m);
      expect(run.stdout).not.toContain(repo);
    },
  );

  it('stay as given outside the working directory', async () => {
    const run = await runCli(
      ['validate', '--format', 'github', '--teams', join(repo, 'teams')],
      mkdtempSync(join(tmpdir(), 'oncall-elsewhere-')),
    );
    expect(run.stdout).toContain(`file=${join(repo, 'teams', 'payments', 'team.yaml')}`);
  });
});
