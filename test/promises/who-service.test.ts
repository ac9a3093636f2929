import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers';
import { promisesTree } from './tree';

const dir = writeTree(promisesTree());
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const who = (...args: string[]) => runCli(['who', '--teams', join(dir), ...args], dir);

describe('oncall who --service', () => {
  it('says nobody for an off-hours contract at noon on a weekday', async () => {
    const run = await who('--service', 'client-c', '--at', '2026-03-11T12:00');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nobody: outside its promise (off-hours)');
  });

  it('names the night technician for it at night, as json', async () => {
    const run = await who('--service', 'client-c', '--at', '2026-03-11T22:00', '--format', 'json');
    expect(JSON.parse(run.stdout)).toMatchObject({ service: 'client-c', urgency: 'high', escalation: 'gti-4h', paged: ['david'] });
  });

  it('refuses an unknown service as a usage error', async () => {
    const run = await who('--service', 'client-z');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown service `client-z`');
  });
});
