/**
 * Ids that would render to the same resource, and squad folders named like the outputs' own names, are
 * refused by `oncall validate` with a problem at each object, before `pulumi up` would merge them.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../modules/cli/main';
import type { Io } from '../../modules/cli/io';
import { loadOrganisation } from '../../modules/model/load';
import { nameClashProblems } from '../../modules/render/name-clashes';
import { renderStack } from '../../modules/render/stack';
import { BACKENDS } from '../../modules/render/desired';
import { analyse } from '../../modules/pipeline';
import type { SourceTree } from '../../modules/spec/source';
import { fixtureTree, lineOf, NOW, withEdit, withFiles, writeTree } from '../helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function validate(
  tree: SourceTree,
): Promise<{ code: number; problems: Array<{ file: string; line: number; code: string; message: string }> }> {
  const dir = writeTree(tree);
  dirs.push(dir);
  let out = '';
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (out += t),
    now: () => new Date(NOW),
    cwd: process.cwd(),
    env: process.env,
  };
  const code = await main(['validate', '--teams', dir, '--format', 'json'], io);
  const problems = (JSON.parse(out) as { problems: Array<{ file: string; line: number; code: string; message: string }> }).problems;
  return { code, problems: problems.map((p) => ({ ...p, file: p.file.slice(dir.length + 1) })) };
}

/** Type and name of every resource rendered twice, on any backend. */
function renderedTwice(tree: SourceTree): string[] {
  const org = loadOrganisation(tree).organisation!;
  const out = new Set<string>();
  for (const backend of BACKENDS) {
    const seen = new Set<string>();
    for (const r of renderStack(org, { now: NOW, name: 't', backend }).resources) {
      const key = `${r.type} ${r.name}`;
      if (seen.has(key)) out.add(key);
      seen.add(key);
    }
  }
  return [...out].sort();
}

const NIGHT = `name: Platform night\nmembers: [emma, farid]\nrotations:\n  oncall:\n    members: [emma, farid]\n    start: 2026-01-05\nescalations:\n  night:\n    steps:\n      - notify: on-call\n`;

describe('ids that render to the same resource name', () => {
  it("the tests' organisation has none, and renders no resource twice", () => {
    expect(nameClashProblems(loadOrganisation(fixtureTree()).organisation!)).toEqual([]);
    expect(renderedTwice(fixtureTree())).toEqual([]);
  });

  it('squad `platform-night` with rotation `oncall` and squad `platform` with rotation `night-oncall`: a problem at each rotation', async () => {
    let tree = withFiles({ 'platform-night/team.yaml': NIGHT }, fixtureTree());
    tree = withEdit(
      'platform/team.yaml',
      '  secondary:\n',
      '  night-oncall:\n    members: [gina, emma]\n    start: 2026-01-05\n  secondary:\n',
      tree,
    );
    // The clash is real: every backend would render the schedule twice.
    expect(renderedTwice(tree).filter((k) => k.endsWith(' platform-night-oncall-schedule'))).toHaveLength(3);
    const { code, problems } = await validate(tree);
    expect(code).toBe(1);
    const clashes = problems.filter((p) => p.code === 'id/name-clash');
    expect(clashes.map((p) => [p.file, p.line])).toEqual([
      ['platform-night/team.yaml', lineOf('platform-night/team.yaml', '  oncall:', tree)],
      ['platform/team.yaml', lineOf('platform/team.yaml', '  night-oncall:', tree)],
    ]);
    expect(clashes[1]!.message).toBe(
      'rotation `night-oncall` of squad `platform` and rotation `oncall` of squad `platform-night` would both be the resource `platform-night-oncall-schedule` (ids are joined with `-`): rename one of them',
    );
  });

  it('a metric alert `x-fast-burn` beside an SLO alert `x`: the burn-rate monitor and the monitor clash', async () => {
    const tree = withEdit('storefront/team.yaml', '  shop-5xx-rate:\n', '  shop-availability-fast-burn:\n', fixtureTree());
    expect(renderedTwice(tree)).toEqual(['datadog:index/monitor:Monitor shop-availability-fast-burn-monitor']);
    const { code, problems } = await validate(tree);
    expect(code).toBe(1);
    expect(
      problems
        .filter((p) => p.code === 'id/name-clash')
        .map((p) => p.line)
        .sort((a, b) => a - b),
    ).toEqual(
      [
        lineOf('storefront/team.yaml', '  shop-availability-fast-burn:', tree),
        lineOf('storefront/team.yaml', '  shop-availability:', tree),
      ].sort((a, b) => a - b),
    );
  });

  it("the Pulumi program's pipeline refuses the same organisation", () => {
    const tree = withEdit('storefront/team.yaml', '  shop-5xx-rate:\n', '  shop-availability-fast-burn:\n', fixtureTree());
    expect(analyse(tree, NOW).problems.filter((p) => p.code === 'id/name-clash')).toHaveLength(2);
  });
});

describe("squad folders named like the outputs' own names", () => {
  it.each(['organisation', 'index'])('a squad folder `%s` is refused at the folder', async (id) => {
    const tree = withFiles({ [`${id}/team.yaml`]: NIGHT.replace('Platform night', 'Reserved') }, fixtureTree());
    const { code, problems } = await validate(tree);
    expect(code).toBe(1);
    expect(problems.filter((p) => p.code === 'file/reserved-name')).toEqual([
      expect.objectContaining({ file: `${id}/`, message: expect.stringMatching(new RegExp(`^\`${id}\` cannot be a squad id`)) }),
    ]);
  });
});
