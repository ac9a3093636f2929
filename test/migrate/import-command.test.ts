/**
 * `oncall import <account>` end to end, with a fake adapter whose account is the tests' organisation rendered on
 * PagerDuty (fake-account.ts): files written and validated, the report, the key only from the environment and
 * never shown, nothing replaced, and the no-change check of the stack on the same backend — identical inputs
 * change nothing, one input altered in the account shows, path by path.
 */
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWith, importUsage } from '../../modules/cli/commands/import';
import { accountSource } from '../../modules/cli/import/sources';
import { UsageError } from '../../modules/cli/usage-error';
import { writeExportDir } from '../../modules/migrate/export-dir';
import type { ImportFinding } from '../../modules/migrate/account';
import { FIXTURE_STACKS, NOW, runCli } from '../helpers';
import type { Io } from '../../modules/cli/io';
import { commandIo } from './command-io';
import { accountOf, FAKE_KEY_VARIABLE, fakeAdapter, importedTeams, plannedState } from './fake-account';

const ONCALL_NOW = new Date(NOW).toISOString();
const FINDING: ImportFinding = {
  source: { backend: 'pagerduty', type: 'user', id: 'PALICE1', name: 'Alice Martin' },
  what: 'notification rules',
  why: 'the YAML says how people are reached with `notify`; these rules were left as they are',
  kind: 'dropped',
};
const sources = [accountSource(fakeAdapter(NOW, [FINDING]))];

async function runImport(args: string[], cwd: string, env: Record<string, string> = {}) {
  const { io, stdout, stderr } = commandIo(cwd, { ONCALL_NOW, ...env });
  try {
    return { code: await importWith(sources, args, io), stdout: stdout(), stderr: stderr() };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout: stdout(), stderr: `${stderr()}${err.message}\n` };
    throw err;
  }
}

const ACCOUNT = accountOf(plannedState(importedTeams(), NOW)).export;
const account = () => ACCOUNT;

/** A project folder with the account's export and the PagerDuty stack of the fixture. */
function project(alter?: (resources: Array<{ type: string; name: string; inputs: Record<string, unknown> }>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-import-cli-'));
  const exported = account();
  const resources = structuredClone(exported.endpoints.get('resources')) as Array<{
    type: string;
    name: string;
    inputs: Record<string, unknown>;
  }>;
  alter?.(resources);
  writeExportDir({ ...exported, endpoints: new Map([['resources', resources]]) }, join(dir, 'export'));
  mkdirSync(join(dir, 'stacks'));
  cpSync(join(FIXTURE_STACKS, 'Pulumi.acme-pagerduty.yaml'), join(dir, 'stacks', 'Pulumi.acme-pagerduty.yaml'));
  return dir;
}

const STACK = ['--stack', 'stacks/Pulumi.acme-pagerduty.yaml'];

describe('oncall import from an export directory', () => {
  it('writes teams/ and the report beside it, validates it, and finds that the first plan changes nothing', async () => {
    const dir = project();
    const run = await runImport(['pagerduty', '--from-dir', 'export', ...STACK, '--bulk-import', 'pulumi-import.json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Stack acme-pagerduty: the first plan after import changes nothing.');
    expect(readdirSync(join(dir, 'teams')).sort()).toEqual(['org.yaml', 'payments', 'platform', 'storefront']);
    expect(readFileSync(join(dir, 'teams', 'org.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\S+\/org\.schema\.json\n# Imported from PagerDuty \(the export directory `export`\) at 2026-01-01T00:00:00Z/,
    );
    const report = JSON.parse(readFileSync(join(dir, 'oncall-import-pagerduty.json'), 'utf8'));
    expect(report.findings).toEqual([
      { source: { type: 'user', id: 'PALICE1', name: 'Alice Martin' }, what: FINDING.what, why: FINDING.why, kind: 'dropped' },
    ]);
    expect(report.validation.errors).toBe(0);
    expect(report.counts.yaml.squads).toBe(3);
    expect(report.counts.yaml.people).toBe(Object.keys(importedTeams().org.people ?? {}).length);
    expect(report.adoption.changesNothing).toBe(true);
    expect(report.adoption.differences).toEqual([]);
    expect(report.links.length).toBe(account().endpoints.get('resources')!.length);
    const markdown = readFileSync(join(dir, 'oncall-import-pagerduty.md'), 'utf8');
    expect(markdown).toContain('| dropped | user `PALICE1` Alice Martin | notification rules |');
    expect(markdown).toContain('**The first plan after import changes nothing.**');
    expect(existsSync(join(dir, 'pulumi-import.json'))).toBe(true);
  });

  it('shows an input altered in the account, path by path, and exits 1', async () => {
    const dir = project((resources) => {
      const schedule = resources.find((r) => r.type === 'pagerduty:index/schedule:Schedule');
      const layers = schedule!.inputs.layers as Array<{ start: string; users: unknown[] }>;
      // The account's second member of the first layer is someone else.
      layers[0]!.users[1] = { $invoke: 'pagerduty:index/getUser:getUser', args: { email: 'intruder@acme.example' }, property: 'id' };
    });
    const run = await runImport(['pagerduty', '--from-dir', 'export', ...STACK], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('the first plan after import changes 1 resource (account → plan):');
    expect(run.stdout).toMatch(/~ \S+-schedule: layers\[0\]\.users\[1\]\.args\.email: "intruder@acme\.example" → "[a-z]+@acme\.example"/);
    const report = JSON.parse(readFileSync(join(dir, 'oncall-import-pagerduty.json'), 'utf8'));
    expect(report.adoption.changesNothing).toBe(false);
    expect(report.adoption.differences).toHaveLength(1);
    expect(report.adoption.differences[0].input).toBe('layers[0].users[1].args.email');
  });

  it('lists what the first `pulumi up` creates (nothing in the account) and what it leaves alone (nothing planned)', async () => {
    const dir = project((resources) => {
      const membership = resources.findIndex((r) => r.type === 'pagerduty:index/teamMembership:TeamMembership');
      resources.splice(membership, 1);
      resources.push({
        type: 'pagerduty:index/team:Team',
        name: 'team/PLEGACY',
        inputs: { name: 'Legacy' },
        id: 'PLEGACY',
        from: { backend: 'pagerduty', type: 'team', id: 'PLEGACY', name: 'Legacy' },
      } as never);
    });
    const run = await runImport(['pagerduty', '--from-dir', 'export', ...STACK], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Created by the first `pulumi up` \(nothing in the account stands for them\): 1\n {2}\+ \S+-membership\n/);
    expect(run.stdout).toContain('Left alone (in the account, not in the stack): 1');
    const report = JSON.parse(readFileSync(join(dir, 'oncall-import-pagerduty.json'), 'utf8'));
    expect(report.adoption.changesNothing).toBe(false);
    expect(report.adoption.leftAlone).toEqual([
      { type: 'pagerduty:index/team:Team', name: 'team/PLEGACY', id: 'PLEGACY', source: { type: 'team', id: 'PLEGACY', name: 'Legacy' } },
    ]);
  });

  it('shows the problems of YAML that does not validate, exits 1, and plans nothing', async () => {
    const broken = fakeAdapter(NOW, [], (teams) => {
      const storefront = structuredClone(teams.squads.get('storefront')!);
      storefront.members = [...(storefront.members ?? []), 'nobody'];
      return { ...teams, squads: new Map([...teams.squads, ['storefront', storefront]]) };
    });
    const dir = project();
    let stdout = '';
    const io: Io = { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stdout += t), now: () => new Date(NOW), cwd: dir, env: {} };
    expect(await importWith([accountSource(broken)], ['pagerduty', '--from-dir', 'export', ...STACK, '--bulk-import', 'b.json'], io)).toBe(
      1,
    );
    expect(stdout).toMatch(/teams\/storefront\/team\.yaml:\d+:\d+ error \S+: .*`nobody`/);
    expect(stdout).toContain('The stack `acme-pagerduty` cannot be planned on YAML with errors: no adoption check, no bulk-import file.');
    expect(existsSync(join(dir, 'b.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'oncall-import-pagerduty.json'), 'utf8')).validation.errors).toBeGreaterThan(0);
  });

  it('masks phone numbers in the findings of the report', async () => {
    const phone = { ...FINDING, what: 'an SMS contact method', why: 'the number +33 6 39 98 01 01 is kept only with --phones' };
    const dir = project();
    let stdout = '';
    const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stdout += t), now: () => new Date(NOW), cwd: dir, env: {} };
    expect(await importWith([accountSource(fakeAdapter(NOW, [phone]))], ['pagerduty', '--from-dir', 'export'], io)).toBe(0);
    for (const file of ['oncall-import-pagerduty.md', 'oncall-import-pagerduty.json']) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).not.toMatch(/39 98 01|0101/);
      expect(text).toContain('is kept only with --phones');
    }
  });

  it('refuses, reading and writing nothing, when the teams directory already holds an organisation', async () => {
    const dir = project();
    mkdirSync(join(dir, 'teams'));
    writeFileSync(join(dir, 'teams', 'org.yaml'), 'name: Mine\n');
    const run = await runImport(['pagerduty', '--from-dir', 'export'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('teams/org.yaml already exists: nothing was read or written');
    expect(readdirSync(join(dir, 'teams'))).toEqual(['org.yaml']);
    expect(existsSync(join(dir, 'oncall-import-pagerduty.md'))).toBe(false);
  });

  it('refuses a stack on another backend, a bulk-import file without a stack and a report inside teams/', async () => {
    const dir = project();
    cpSync(join(FIXTURE_STACKS, 'Pulumi.acme-opsgenie.yaml'), join(dir, 'stacks', 'Pulumi.acme-opsgenie.yaml'));
    const other = await runImport(['pagerduty', '--from-dir', 'export', '--stack', 'stacks/Pulumi.acme-opsgenie.yaml'], dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("is on opsgenie, the account on pagerduty: adoption needs a stack on the account's own backend");
    expect((await runImport(['pagerduty', '--from-dir', 'export', '--bulk-import', 'x.json'], dir)).stderr).toContain(
      '--bulk-import goes with --stack',
    );
    expect((await runImport(['pagerduty', '--from-dir', 'export', '--report', 'teams/r.md'], dir)).stderr).toContain(
      'inside the teams directory',
    );
    expect(existsSync(join(dir, 'teams'))).toBe(false);
  });
});

describe('oncall import from the API', () => {
  const KEY = 'u+secret-key-0123456789';
  let server: Server;
  let url = '';
  const seen: Array<string | undefined> = [];
  beforeAll(async () => {
    const body = JSON.stringify(account().endpoints.get('resources'));
    server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url !== '/resources') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('names the missing variable, and reads no key from the command line', async () => {
    const run = await runImport(['pagerduty', '--api-url', url], project());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`set ${FAKE_KEY_VARIABLE} in the environment`);
    expect(seen).toEqual([]);
  });

  it('sends the key from the environment and never shows it: not in the output, the files or the report', async () => {
    const dir = project();
    const run = await runImport(['pagerduty', '--api-url', url, '--save-export', 'saved', ...STACK], dir, { [FAKE_KEY_VARIABLE]: KEY });
    expect(run.code).toBe(0);
    expect(seen).toEqual([`Token token=${KEY}`]);
    const written = (root: string): string[] =>
      readdirSync(root, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? written(join(root, e.name)) : [readFileSync(join(root, e.name), 'utf8')],
      );
    for (const text of [run.stdout, run.stderr, ...written(join(dir, 'teams')), ...written(join(dir, 'saved'))])
      expect(text).not.toContain(KEY);
    expect(readFileSync(join(dir, 'oncall-import-pagerduty.md'), 'utf8')).toContain(`Read from ${url} at`);
    // What was read, saved as an export directory, reads back as the same account.
    expect(JSON.parse(readFileSync(join(dir, 'saved', 'resources.json'), 'utf8'))).toEqual(account().endpoints.get('resources'));
  });
});

describe('the import command and its sources', () => {
  it('lists the sources in its usage, and suggests the closest for a mistyped one', async () => {
    expect(importUsage(sources)).toMatch(/^\s+pagerduty\s+a PagerDuty account into teams\//m);
    const run = await runImport(['pagerdty'], project());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown source `pagerdty`; did you mean `pagerduty`?');
  });

  it('is a command of the CLI, with its usage on --help', async () => {
    const run = await runCli(['import', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('oncall import <');
    expect((await runCli(['--help'])).stdout).toMatch(/^\s+import\s+write teams\/ from an existing account/m);
  });
});
