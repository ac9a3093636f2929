/**
 * Public holidays as off-hours change a business-hours or off-hours promise on a holiday, which no backend can
 * route by date: every stack refuses it at the promise, rather than page an HNO contract on a holiday as on a
 * weekday (nobody by day). `always` promises and organisations without `offHours` are unaffected.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../modules/pipeline';
import { parseStackFile } from '../../modules/spec/stacks';
import type { SourceTree } from '../../modules/spec/source';
import { lineOf, NOW, withEdit } from '../helpers';
import { promisesTree } from './tree';

const OFF_HOURS = (tree: SourceTree) =>
  withEdit('org.yaml', /holidays:\n(  - .*\n)+/, 'holidays:\n  country: FR\n  offHours: true\n', tree);

function refusals(tree: SourceTree, backend: string) {
  const file = parseStackFile('stacks/Pulumi.t.yaml', 't', `config:\n  oncall:backend: ${backend}\n`);
  return analyse(tree, NOW, { stacks: [file.stack!], problems: file.problems }).problems.filter(
    (p) => p.code === 'backend/holiday-promise',
  );
}

describe.each(['pagerduty', 'opsgenie', 'datadog'])('%s', (backend) => {
  it('refuses the business-hours and off-hours promises, at each promise, when holidays are off-hours', () => {
    const tree = OFF_HOURS(promisesTree());
    const found = refusals(tree, backend);
    expect(found.map((p) => [p.file, p.line, p.severity])).toEqual(
      expect.arrayContaining([
        ['teams/msp/team.yaml', lineOf('msp/team.yaml', '  client-b:', tree), 'error'],
        ['teams/msp/team.yaml', lineOf('msp/team.yaml', '  client-c:', tree), 'error'],
      ]),
    );
    expect(found).toHaveLength(2);
    expect(found.find((p) => p.message.includes('`client-c`'))!.message).toContain('covered all day');
    expect(found[0]!.suggestion).toContain('always');
  });

  it('accepts them without `offHours`', () => {
    expect(refusals(promisesTree(), backend)).toEqual([]);
  });
});
