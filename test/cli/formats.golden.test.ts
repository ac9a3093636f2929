import { describe, expect, it } from 'vitest';
import { readiness } from '../../modules/checks';
import { loadOrganisation } from '../../modules/model/load';
import { formatProblems, PROBLEM_FORMATS, type ProblemFormat } from '../../modules/cli/format/problems';
import { formatOrganisationSummary } from '../../modules/cli/format/organisation-summary';
import { sourceTexts as sourcesOf } from '../../modules/spec/source';
import { fixtureTree, ROOT, withEdit } from '../helpers';
import { expectGolden } from '../golden';

/** Four mistakes in four files, and a warning. */
function brokenTree() {
  let tree = withEdit(
    'storefront/team.yaml',
    'members: [alice, bruno, chloe, david]\n    start',
    'members: [alise, bruno, chloe, david]\n    start',
    fixtureTree(),
  );
  tree = withEdit('payments/team.yaml', '  - rotation: oncall', '  - rotation: oncal', tree);
  tree = withEdit('org.yaml', 'fairness:', 'fairnes:', tree);
  tree = withEdit('platform/team.yaml', '      - after: 30m', '      - after: 30s', tree);
  tree = withEdit('platform/team.yaml', 'members: [emma, farid, gina]\n    start', 'members: [emma, farid, gina, manon]\n    start', tree);
  return tree;
}

/** Readiness findings of every kind: on an alert, on a runbook file, on a service, and one made a warning. */
function unreadyTree() {
  let tree = withEdit('storefront/team.yaml', '    runbook: runbooks/checkout.md\n', '', fixtureTree());
  tree = withEdit('platform/runbooks/disk-space.md', '## Resolution\n', '## What to do\n', tree);
  tree = withEdit('payments/team.yaml', /  payments-api-health:\n(    .*\n)+\n/, '', tree);
  tree = withEdit(
    'payments/team.yaml',
    'runbook: https://wiki.acme.example/runbooks/payments/p99-latency',
    'runbook: http://wiki.acme.example/runbooks/payments/p99-latency',
    tree,
  );
  return withEdit(
    'org.yaml',
    '  pagingSeverities: [P1, P2, P3]',
    '  pagingSeverities: [P1, P2, P3]\n  checks: { alert/runbook-https: warning }',
    tree,
  );
}

const FILE: Record<ProblemFormat, string> = { text: 'txt', json: 'json', github: 'github.txt', markdown: 'md', sarif: 'sarif.json' };
/** Fixed, so the goldens do not depend on the machine (the CLI takes it from GitHub's variables). */
const DOCS_BASE = 'https://git.acme.example/sre/oncall/-/blob/main/';

describe('rendered output (golden files)', () => {
  const tree = brokenTree();
  const { problems } = loadOrganisation(tree);

  it.each(PROBLEM_FORMATS)('problems as %s', (format) => {
    const options = { title: 'Validation', subject: 'teams', clean: 'valid', docsBase: DOCS_BASE, cwd: ROOT };
    // Text as `validate` prints it: the summary without a subject, since the command adds its own line.
    const text = formatProblems(format, problems, sourcesOf(tree), format === 'text' ? {} : options);
    expectGolden(`validate/problems.${FILE[format]}`, `${text}\n`);
  });

  it.each(PROBLEM_FORMATS)('readiness findings as %s', (format) => {
    const { organisation, problems: loadProblems } = loadOrganisation(unreadyTree());
    expect(loadProblems.filter((p) => p.severity === 'error')).toEqual([]);
    const findings = readiness(organisation!, { today: '2026-11-22' });
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['error', 'warning']));
    const text = formatProblems(format, findings, new Map(), {
      title: 'Production readiness',
      subject: `${organisation!.alerts.size} alerts`,
      clean: 'every check passes',
      docsBase: DOCS_BASE,
      cwd: ROOT,
    });
    expectGolden(`readiness/findings.${FILE[format]}`, `${text}\n`);
  });

  it("organisation summary of the tests' organisation", () => {
    const { organisation } = loadOrganisation(fixtureTree());
    expectGolden('summary/example.txt', `${formatOrganisationSummary(organisation!)}\n`);
  });
});
