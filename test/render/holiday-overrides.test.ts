/**
 * Holidays rendered as dated overrides (no provider has a holiday calendar: terraform-provider-pagerduty v2.4.0,
 * terraform-provider-opsgenie v0.6.40 and terraform-provider-datadog v4.19.0 restrict schedules and routing rules
 * by weekday and time only), and what overrides cannot say refused by `validate`.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { analyse } from '../../modules/pipeline';
import { PD } from '../../modules/backends/pagerduty/resources';
import { renderStack } from '../../modules/render/stack';
import { parseStackFile, type StackSpec } from '../../modules/spec/stacks';
import { fixtureTree, lineOf, withEdit } from '../helpers';

const ON = withEdit('org.yaml', /holidays:\n(  - .*\n)+/, 'holidays:\n  country: FR\n  offHours: true\n');
const NOW = Date.parse('2026-01-05T00:00:00+01:00');
const stack = (backend: StackSpec['backend']): StackSpec =>
  parseStackFile(
    `stacks/Pulumi.acme-${backend}.yaml`,
    `acme-${backend}`,
    `config:\n  oncall:backend: ${backend}\n  oncall:teams: [payments]\n  datadog:apiUrl: https://api.datadoghq.eu/\n`,
  ).stack!;
const overridesOf = (tree: typeof ON, schedule: string) =>
  renderStack(loadOrganisation(tree).organisation!, { now: NOW, name: 's', backend: 'pagerduty' })
    .resources.filter((r) => r.type === PD.override && (r.inputs.scheduleId as { $ref: string }).$ref === schedule)
    .map((r) => ({ start: r.inputs.start, end: r.inputs.end, user: (r.inputs.userId as { args: Record<string, unknown> }).args }));

describe('holidays on the schedules', () => {
  it("put the off-hours person on both schedules during Easter Monday's business hours", () => {
    const run = overridesOf(ON, 'payments-run-schedule');
    expect(run).toContainEqual({
      start: '2026-04-06T09:00:00+02:00',
      end: '2026-04-06T18:00:00+02:00',
      user: expect.objectContaining({ email: 'ines@acme.example' }),
    });
    const oncall = overridesOf(ON, 'payments-oncall-schedule');
    expect(oncall).toContainEqual({
      start: '2026-04-06T09:00:00+02:00',
      end: '2026-04-07T00:00:00+02:00',
      user: expect.objectContaining({ email: 'ines@acme.example' }),
    });
    // Within the next 12 months only, and none for a squad whose windows holidays do not change.
    expect(run.every((o) => String(o.start) < '2027-01-06')).toBe(true);
    expect(overridesOf(ON, 'storefront-oncall-schedule')).toEqual(overridesOf(fixtureTree(), 'storefront-oncall-schedule'));
  });

  it('adds nothing where holidays are only reported', () => {
    expect(overridesOf(fixtureTree(), 'payments-run-schedule')).toEqual([]);
  });
});

describe('what holiday overrides cannot say', () => {
  it('is an error at a business-hours rotation nobody routes to on a holiday (a schedule cannot be emptied for a day)', () => {
    const tree = withEdit('payments/team.yaml', /routing:\n  - during: business-hours\n    rotation: run\n/, 'routing:\n', ON);
    const problems = analyse(tree, NOW, { stacks: [stack('pagerduty')], problems: [] }).problems.filter(
      (p) => p.code === 'backend/holiday-nobody',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: 'teams/payments/team.yaml',
      line: lineOf('payments/team.yaml', '  run:', tree),
    });
    expect(problems[0]!.message).toContain('`payments/run`');
    expect(problems[0]!.message).toContain('2026-04-06 09:00 to 2026-04-06 18:00');
  });

  it('is an error at the rule a holiday takes when its urgency differs from the weekly one the backend keeps', () => {
    const tree = withEdit('payments/team.yaml', '    rotation: run\n', '    rotation: run\n    urgency: low\n', ON);
    const problems = analyse(tree, NOW, { stacks: [stack('pagerduty')], problems: [] }).problems.filter(
      (p) => p.code === 'backend/holiday-routing',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', line: lineOf('payments/team.yaml', '  - rotation: oncall', tree) });
  });

  it('is nothing for the fixture with holidays as off hours', () => {
    const problems = analyse(ON, NOW, { stacks: (['pagerduty', 'opsgenie', 'datadog'] as const).map(stack), problems: [] }).problems;
    expect(problems.filter((p) => p.code.startsWith('backend/holiday'))).toEqual([]);
  });
});
