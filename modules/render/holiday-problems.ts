/**
 * What the holidays' overrides cannot say on a stack's backend (see holiday-overrides.ts): a schedule the engine
 * leaves empty on a holiday while its weekly restrictions would page someone, and a holiday routed to another
 * policy or urgency than the backend's weekly routing takes then. Errors for the stacks that provision the squad.
 */
import type { Problem } from '../core/problem';
import { formatLocal } from '../core/local-time';
import type { Organisation } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { PAGING_BACKENDS } from '../backends/paging';
import { holidayPlan, type HolidayMismatch } from './holiday-overrides';
import { at } from './limit-problems';

function when(m: HolidayMismatch, zone: string): string {
  const name = m.rotation.timezone === zone ? '' : ` (${zone})`;
  return `from ${formatLocal(m.start, zone)} to ${formatLocal(m.end, zone)}${name}`;
}

function more(list: readonly HolidayMismatch[]): string {
  const dates = new Set(list.map((m) => m.date));
  return dates.size > 1 ? `; ${dates.size - 1} more holiday${dates.size > 2 ? 's' : ''} alike` : '';
}

export function holidayBackendProblems(org: Organisation, stacks: readonly StackSpec[], now: number): Problem[] {
  if (!org.holidays.offHours) return [];
  const problems: Problem[] = [];
  for (const stack of stacks) {
    const label = `${PAGING_BACKENDS[stack.backend].label} (stack \`${stack.name}\`)`;
    for (const team of org.squads.values()) {
      if (team.retired || (stack.teams && !stack.teams.includes(team.id))) continue;
      for (const rotation of team.rotations.values()) {
        const { mismatches } = holidayPlan(org, rotation, now);
        const nobody = mismatches.filter((m) => m.kind === 'nobody');
        const first = nobody[0];
        if (first) {
          problems.push({
            ...at(
              rotation.source,
              'error',
              'backend/holiday-nobody',
              `${label} cannot leave \`${rotation.key}\` without anyone on call on the public holiday ${first.date}, ${when(first, rotation.timezone)}: a schedule has no dated restriction and an override names a person, so its weekly restrictions would page whoever's turn it is${more(nobody)}`,
            ),
            suggestion: 'route those hours to a rotation that covers holidays (an `off-hours` one), or leave `holidays.offHours` off',
          });
        }
        const routing = mismatches.filter((m) => m.kind === 'routing');
        const r = routing[0];
        if (r?.rule) {
          problems.push({
            ...at(
              r.rule.source,
              'error',
              'backend/holiday-routing',
              `${label} routes by weekly hours only: on the public holiday ${r.date} this rule sends \`${team.id}\`'s pages to \`${r.rule.escalation}\`${r.rule.urgency === 'low' ? ' at low urgency' : ''}, but the backend's weekly routing sends them to ${r.detail} then (${when(r, r.rule.timezone)})${more(routing)}`,
            ),
            suggestion:
              'give the rules that holidays switch between the same escalation policy and urgency, or leave `holidays.offHours` off',
          });
        }
      }
    }
  }
  return problems;
}
