/**
 * A team as an escalation target (Opsgenie recipient `team`, Datadog On-Call target `team`) notifies through that
 * team's own routing, which the interpreters do not follow: the step names a marker and its cause, so that a
 * rehearsal shows the step as a mismatch (the import leaves such targets out, with a finding) instead of paging
 * nobody.
 */
import { describe, expect, it } from 'vitest';
import { OG } from '../../modules/backends/opsgenie/resources';
import { opsgenieTimeline } from '../../modules/interpret/opsgenie-paging';
import { analyse } from '../../modules/pipeline';
import type { DesiredResource } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { fixtureTree, NOW } from '../helpers';

describe('team targets in a policy', () => {
  it('Opsgenie: a team recipient is a marker with its cause, never nobody', () => {
    const org = analyse(fixtureTree(), NOW).organisation!;
    const state = renderStack(org, { name: 'acme-opsgenie', backend: 'opsgenie', now: NOW });
    const resources: DesiredResource[] = state.resources.map((r) => {
      if (r.type !== OG.escalation || r.squad !== 'payments') return r;
      const rules = r.inputs.rules as Array<Record<string, unknown>>;
      const team = { type: 'team', id: { $ref: 'platform-team', property: 'id' } };
      return { ...r, inputs: { ...r.inputs, rules: [...rules, { ...rules[0], delay: 45, recipients: [team] }] } } as DesiredResource;
    });
    const at = NOW + 3_600_000;
    const before = opsgenieTimeline(org, state, { kind: 'squad', squad: 'payments' }, at);
    const timeline = opsgenieTimeline(org, { ...state, resources }, { kind: 'squad', squad: 'payments' }, at);
    const last = timeline.notifications.find((n) => n.people.some((p) => p.startsWith('<team ')));
    expect(last?.people).toEqual(['<team platform-team>']);
    expect(JSON.stringify(last)).toContain('team recipient platform-team');
    // The steps before it page as they did.
    expect(timeline.notifications.filter((n) => n !== last && n.after < last!.after)).toEqual(
      before.notifications.filter((n) => n.after < last!.after),
    );
  });
});
