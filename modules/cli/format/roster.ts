import type { Organisation } from '../../model/types';
import { isoInZone } from '../../core/local-time';
import type { RosterRow } from '../../schedule/roster';
import type { PersonLoad } from '../../schedule/load';
import { formatLocalRange } from './shift-text';

export const ROSTER_FORMATS = ['text', 'markdown', 'csv', 'json'] as const;
export type RosterFormat = (typeof ROSTER_FORMATS)[number];

function note(row: RosterRow): string {
  return row.notes.join('; ');
}

export function formatRoster(format: RosterFormat, rows: readonly RosterRow[], org: Organisation): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        rows.map((r) => ({
          team: r.team,
          rotation: r.rotation,
          person: r.person,
          start: isoInZone(r.start, r.timezone),
          end: isoInZone(r.end, r.timezone),
          note: note(r) || null,
        })),
        null,
        2,
      );
    case 'csv':
      return [
        'date,team,rotation,person,start,end,note',
        ...rows.map((r) =>
          [r.date, r.team, r.rotation, r.person, isoInZone(r.start, r.timezone), isoInZone(r.end, r.timezone), note(r)]
            .map(csvField)
            .join(','),
        ),
      ].join('\n');
    case 'markdown':
      return [
        '| date | team | rotation | person | start | end | note |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows.map(
          (r) =>
            `| ${r.date} | ${r.team} | ${r.rotation} | ${org.people.get(r.person)?.name ?? r.person} | ${isoInZone(r.start, r.timezone)} | ${isoInZone(r.end, r.timezone)} | ${note(r).replace(/\|/g, '\\|')} |`,
        ),
      ].join('\n');
    case 'text': {
      const out: string[] = [];
      let current = '';
      for (const r of rows) {
        const key = `${r.team}/${r.rotation}`;
        if (key !== current) {
          if (current !== '') out.push('');
          out.push(`${key} (${r.timezone})`);
          current = key;
        }
        out.push(`  ${formatLocalRange(r.start, r.end, r.timezone)}  ${r.person.padEnd(8)}${note(r) ? `  ${note(r)}` : ''}`.trimEnd());
      }
      return out.length ? out.join('\n') : 'no shifts in this window';
    }
  }
}

/** RFC 4180: quote fields with commas, quotes or line breaks. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** On-call load per person of each squad over the window (hours inside it): for text and markdown. */
export function formatLoad(
  format: 'text' | 'markdown',
  org: Organisation,
  loads: ReadonlyArray<{ team: string; people: readonly PersonLoad[] }>,
): string {
  const lines: string[] = [];
  if (format === 'markdown') {
    lines.push('| team | person | shifts | hours |', '| --- | --- | --- | --- |');
    for (const { team, people } of loads)
      for (const p of people) lines.push(`| ${team} | ${org.people.get(p.person)?.name ?? p.person} | ${p.shifts} | ${p.hours} |`);
  } else {
    lines.push('Load in this window (shifts, hours on call):');
    for (const { team, people } of loads)
      lines.push(`  ${team}: ${people.map((p) => `${p.person} ${p.shifts}/${p.hours}h`).join(', ') || 'nobody'}`);
  }
  return lines.join('\n');
}
