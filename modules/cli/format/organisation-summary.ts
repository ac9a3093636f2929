import { maskPhone } from '../../model/checks-common';
import type { Organisation } from '../../model/types';
import { rotationLabel } from '../../model/served-rotations';
import { describeHandoff, describePolicy, describeTurn, describeWindows } from './describe';
import { plural } from '../../core/problems-text';

/** A readable overview of the organisation: squads, rotations, escalations, services, alerts, phone lines. */
export function formatOrganisationSummary(org: Organisation): string {
  const out: string[] = [
    `${org.name}: ${plural(org.squads.size, 'squad')}, ${org.people.size} people, ${plural(org.alerts.size, 'alert')}`,
  ];
  for (const team of org.squads.values()) {
    out.push('', `${team.id} — ${team.name}${team.manager ? ` (manager: ${team.manager})` : ''}${team.retired ? ' [retired]' : ''}`);
    out.push(`  members: ${team.members.join(', ')}`);
    for (const rot of team.rotations.values()) {
      const first = rot.segments[0];
      const shifted = first
        ? [...first.members.slice(rot.offset % first.members.length), ...first.members.slice(0, rot.offset % first.members.length)]
        : [];
      const order = first ? `${shifted.join(' → ')} from ${first.from}` : '';
      const follow = rot.follows ? `, ${rot.offset} turn${rot.offset === 1 ? '' : 's'} ahead of ${rot.follows}` : '';
      const extras = [
        rot.segments.length > 1 ? plural(rot.segments.length - 1, 'roster change') : '',
        rot.overrides.length ? plural(rot.overrides.length, 'override') : '',
        rot.swaps.length ? plural(rot.swaps.length, 'swap') : '',
      ].filter(Boolean);
      out.push(
        `  rotation ${rot.id}: ${describeTurn(rot.every)}, handoff ${describeHandoff(rot.handoffWeekday, rot.handoffMinute)} ${rot.timezone}, ${describeWindows(rot.coverage)}; ${order}${follow}${extras.length ? `; ${extras.join(', ')}` : ''}`,
      );
    }
    for (const p of team.escalations.values()) out.push(`  escalation ${p.id}: ${describePolicy(p)}`);
    for (const rule of team.routing) {
      out.push(
        `  routing: ${rule.during.kind === 'always' ? 'otherwise' : describeWindows(rule.during)} → ${rotationLabel(team, rule.rotation)} (${rule.escalation}, ${rule.urgency} urgency)`,
      );
    }
    for (const s of team.services.values()) {
      out.push(`  service ${s.id}${s.statusPage ? `: status page "${s.statusPage.name}"` : ''}`);
    }
    if (team.alerts.size > 0) {
      const bySeverity = new Map<string, number>();
      for (const a of team.alerts.values()) bySeverity.set(a.severity, (bySeverity.get(a.severity) ?? 0) + 1);
      const counts = [...bySeverity]
        .sort()
        .map(([s, n]) => `${s} ×${n}`)
        .join(', ');
      out.push(`  alerts: ${team.alerts.size} (${counts})`);
    }
    if (team.emailIntake) out.push('  intake: e-mail');
    if (team.phone) {
      out.push(
        `  phone line: ${maskPhone(team.phone.number)} → ${team.phone.router}${team.phone.fallback ? ` (fallback ${team.phone.fallback})` : ''}`,
      );
    }
  }
  return out.join('\n');
}
