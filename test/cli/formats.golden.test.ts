import { describe, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { formatProblems } from '../../modules/cli/format/problems';
import { formatOrganisationSummary } from '../../modules/cli/format/organisation-summary';
import { sourceTexts as sourcesOf } from '../../modules/spec/source';
import { fixtureTree, withEdit } from '../helpers';
import { expectGolden } from '../golden';

/** Four mistakes in four files, and a warning. */
function brokenTree() {
  let tree = withEdit('storefront/team.yaml', 'members: [alice, bruno, chloe, david]\n    start', 'members: [alise, bruno, chloe, david]\n    start');
  tree = withEdit('payments/team.yaml', '  - rotation: oncall', '  - rotation: oncal', tree);
  tree = withEdit('org.yaml', 'fairness:', 'fairnes:', tree);
  tree = withEdit('platform/team.yaml', '      - after: 30m', '      - after: 30s', tree);
  tree = withEdit('platform/team.yaml', 'members: [emma, farid, gina]\n    start', 'members: [emma, farid, gina, manon]\n    start', tree);
  return tree;
}

describe('rendered output (golden files)', () => {
  const tree = brokenTree();
  const { problems } = loadOrganisation(tree);

  it.each(['text', 'json', 'github'] as const)('problems as %s', (format) => {
    expectGolden(`validate/problems.${format === 'text' ? 'txt' : format === 'json' ? 'json' : 'github.txt'}`, `${formatProblems(format, problems, sourcesOf(tree))}\n`);
  });

  it('organisation summary of the example', () => {
    const { organisation } = loadOrganisation(fixtureTree());
    expectGolden('summary/example.txt', `${formatOrganisationSummary(organisation!)}\n`);
  });
});
