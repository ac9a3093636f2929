/**
 * The tests' organisation for the operations reports: Acme (test/fixtures/acme) with the Platform squad's
 * rotations in New York (the secondary follows the primary's zone) (its pages are read there, across the American clock changes of 8 March and 1 November
 * 2026, three weeks and one week before the French ones), the online shop sold with a 2-hour response target
 * (a promise, which wins over its policy's hour), and France's public holidays as non-business hours.
 */
import { loadOrganisation } from '../../modules/model/load';
import type { Organisation } from '../../modules/model/types';
import type { SourceTree } from '../../modules/spec/source';
import { withEdit } from '../helpers';

export function reportTree(orgExtra = ''): SourceTree {
  let tree = withEdit('platform/team.yaml', '    start: 2026-01-05\n', '    start: 2026-01-05\n    timezone: America/New_York\n');
  tree = withEdit('storefront/team.yaml', '    name: Online shop\n', '    name: Online shop\n    responseTarget: 2h\n', tree);
  tree = withEdit('org.yaml', /^holidays:\n(  - .*\n)+/m, `holidays: { country: FR, offHours: true }\n${orgExtra}`, tree);
  return tree;
}

export function reportOrg(orgExtra = ''): Organisation {
  const { organisation, problems } = loadOrganisation(reportTree(orgExtra));
  const errors = problems.filter((p) => p.severity === 'error');
  if (!organisation || errors.length > 0) throw new Error(errors.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`).join('\n'));
  return organisation;
}
