/** The text plan shows what changed in full: the paths inside an input that differ, each value whole. */
import { describe, expect, it } from 'vitest';
import { planDiffText } from '../../modules/cli/format/plan-diff';
import { valueChanges } from '../../modules/cli/format/value-changes';
import type { DesiredResource } from '../../modules/render/desired';

const user = (email: string) => ({ $invoke: 'pagerduty:index/getUser:getUser', args: { email }, property: 'id' });
const layer = (start: string, emails: string[]) => ({
  name: `oncall ${start}`,
  start,
  rotationVirtualStart: start,
  rotationTurnLengthSeconds: 604800,
  users: emails.map(user),
});
const schedule = (layers: unknown[]): DesiredResource => ({
  type: 'pagerduty:index/schedule:Schedule',
  name: 'storefront-oncall-schedule',
  squad: 'storefront',
  inputs: { name: 'Storefront: on call', timeZone: 'Europe/Paris', layers: layers as never },
});

describe('changed inputs in the text plan', () => {
  const before = schedule([
    layer('2026-01-05T09:00:00+01:00', ['alice@acme.example', 'bruno@acme.example', 'chloe@acme.example', 'david@acme.example']),
    layer('2026-06-01T09:00:00+02:00', ['alice@acme.example', 'bruno@acme.example', 'chloe@acme.example', 'david@acme.example']),
  ]);
  const after = schedule([
    layer('2026-01-05T09:00:00+01:00', ['alice@acme.example', 'bruno@acme.example', 'chloe@acme.example', 'david@acme.example']),
    layer('2026-06-01T09:00:00+02:00', ['alice@acme.example', 'bruno@acme.example', 'emma@acme.example', 'david@acme.example']),
  ]);

  it('names the member that changed, deep in the second layer, with both values whole', () => {
    const text = planDiffText({
      stack: 'acme-pagerduty',
      base: 'main',
      diff: {
        create: [],
        update: [{ resource: after, changes: [{ input: 'layers', before: before.inputs.layers, after: after.inputs.layers }] }],
        replace: [],
        delete: [],
        unchanged: 0,
      },
      blocked: [],
      allowDelete: false,
      rotations: [],
    });
    expect(text).toContain('    layers[1].users[2].args.email: "chloe@acme.example" → "emma@acme.example"');
    expect(text).not.toContain('…');
    expect(text).not.toContain('layers[0]');
  });

  it('shows a list whose length changed whole, and an input that appears or goes', () => {
    expect(valueChanges('members', ['a', 'b'], ['a', 'b', 'c'])).toEqual([{ path: 'members', before: ['a', 'b'], after: ['a', 'b', 'c'] }]);
    expect(valueChanges('x', { a: 1 }, { a: 1, b: 2 })).toEqual([{ path: 'x.b', before: undefined, after: 2 }]);
    expect(valueChanges('x', 'same', 'same')).toEqual([]);
  });
});
