/** The cutover rehearsal's report: text (short) and JSON (complete). */
import { formatLocal } from '../../core/local-time';
import type { Mismatch, RehearsalReport } from '../../migrate/rehearsal';

const people = (p: readonly string[] | undefined): string => (p === undefined ? '—' : p.length === 0 ? 'nobody' : p.join(', '));

function mismatchText(m: Mismatch, zone: string): string[] {
  const step = m.after === null ? 'whether and how it pages' : `M+${m.after}`;
  const lines = [`${m.unit}  ${formatLocal(m.start, zone)} → ${formatLocal(m.end, zone)} (${m.minutes} min), ${step}:`];
  for (const s of m.sides) {
    const n = s.notification;
    const who = s.urgency === null ? 'nobody' : m.after === null ? `${s.urgency} urgency` : people(n?.people);
    const why = n && n.causes.length > 0 ? n.causes.join('; ') : s.route;
    lines.push(`  ${s.role.padEnd(6)} ${who} — ${why}`);
  }
  if (m.byDesign) lines.push(`  (by design: ${m.byDesign})`);
  return lines;
}

export function rehearsalText(report: RehearsalReport, zone: string): string {
  const [source, , target] = report.sides;
  const weeks = Math.round((report.to - report.from) / (7 * 86_400_000));
  const out = [
    `Rehearsal from ${source?.label} to ${target?.label}, with the engine (${report.sides[1]?.label})`,
    `${weeks} weeks from ${formatLocal(report.from, zone)} (${zone}): ${report.units.length} squads and services, an alert every minute`,
  ];
  for (const s of report.skipped) out.push(`skipped ${s.unit}: ${s.why}`);
  for (const u of report.unreadable) out.push(`unreadable ${u.unit} (${u.role}): ${u.message}`);
  for (const m of report.mismatches) out.push('', ...mismatchText(m, zone));
  if (report.byDesign.length > 0) {
    const minutes = report.byDesign.reduce((sum, m) => sum + m.minutes, 0);
    out.push('', `${minutes} minutes differ by design (validate warns about them): see --format json`);
  }
  out.push(
    '',
    report.units.length === 0
      ? 'nothing compared: no squad or service is in every side (see the skipped ones above)'
      : `${report.mismatchingMinutes} mismatching minutes${report.mismatches.length ? ` in ${report.mismatches.length} intervals` : ''}`,
  );
  return out.join('\n');
}

export function rehearsalJson(report: RehearsalReport): string {
  const iso = (t: number) => new Date(t).toISOString();
  const interval = (m: Mismatch) => ({ ...m, start: iso(m.start), end: iso(m.end) });
  return JSON.stringify(
    {
      ...report,
      from: iso(report.from),
      to: iso(report.to),
      mismatches: report.mismatches.map(interval),
      byDesign: report.byDesign.map(interval),
    },
    null,
    2,
  );
}
