import type { Organisation } from '../../model/types';
import { formatLocal, isoInZone } from '../../core/local-time';
import type { OnCall } from '../../schedule/who';
import { formatLocalRange } from './shift-text';

export function formatWhoJson(rows: readonly OnCall[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      team: r.team,
      rotation: r.rotation,
      person: r.person,
      start: r.shift ? isoInZone(r.shift.start, r.timezone) : null,
      end: r.shift ? isoInZone(r.shift.end, r.timezone) : null,
    })),
    null,
    2,
  );
}

export function formatWhoText(org: Organisation, rows: readonly OnCall[], at: number): string {
  const width = Math.max(...rows.map((r) => `${r.team}/${r.rotation}`.length), 8);
  const out = [`On call at ${formatLocal(at, org.timezone)} ${org.timezone}:`];
  for (const r of rows) {
    const name = `${r.team}/${r.rotation}`.padEnd(width);
    if (!r.shift || r.person === null) {
      out.push(`  ${name}  nobody (outside its coverage)`);
      continue;
    }
    const who = org.people.get(r.person)?.name ?? r.person;
    const note =
      r.shift.source === 'override'
        ? `  override${r.shift.reason ? `: ${r.shift.reason}` : ''}`
        : r.shift.source === 'swap'
          ? `  swap with ${r.shift.swappedWith}`
          : '';
    out.push(`  ${name}  ${r.person.padEnd(8)} ${who.padEnd(16)} ${formatLocalRange(r.shift.start, r.shift.end, r.timezone)}${note}`);
  }
  return out.join('\n');
}
