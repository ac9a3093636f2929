import { DateTime } from 'luxon';
/** `oncall report incidents` as text, csv, markdown or json (html: incidents-html.ts). */
import type { GroupFigures, IncidentsReport, PersonFigures } from '../../reports/incident-figures';
import type { Spread } from '../../reports/percentiles';

export const INCIDENT_FORMATS = ['text', 'json', 'csv', 'markdown', 'html'] as const;
export type IncidentFormat = (typeof INCIDENT_FORMATS)[number];

export const SECTIONS: ReadonlyArray<
  readonly [keyof Pick<IncidentsReport, 'squads' | 'services' | 'alerts' | 'severities'>, string, string]
> = [
  ['squads', 'Per squad', 'squad'],
  ['services', 'Per service (contract)', 'service'],
  ['alerts', 'Per alert', 'alert'],
  ['severities', 'Per severity', 'severity'],
];

const num = (v: number | undefined): string => (v === undefined ? '' : String(v));
const dash = (v: number | undefined): string => (v === undefined ? '—' : String(v));
export const percent = (share: number | undefined): string => (share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`);
export const levelsText = (g: GroupFigures): string =>
  g.answeredAt === 'unknown'
    ? 'unknown'
    : Object.entries(g.answeredAt)
        .map(([level, n]) => (level === 'never' ? `never ${n}` : `L${level} ${n}`))
        .join(', ');

/** `Per person: unknown (<why>)` when the backend cannot tell, else undefined. */
export function peopleUnknown(r: IncidentsReport): string | undefined {
  if (r.people !== 'unknown') return undefined;
  const reason = r.unknown.find((u) => u.figure === 'people')?.reason;
  return `unknown on ${r.backend}${reason === undefined ? '' : `: ${reason}`}`;
}

/** One line per figure the backend cannot give. */
export const unknownLines = (r: IncidentsReport): string[] =>
  r.unknown.map((u) => `${UNKNOWN_NAMES[u.figure]} unknown on ${r.backend}: ${u.reason}.`);

const UNKNOWN_NAMES: Record<IncidentsReport['unknown'][number]['figure'], string> = {
  answeredAt: 'Answered at:',
  people: 'Per person:',
  interventionHours: 'Intervention hours:',
};
const spread = (s: Spread): string[] => [dash(s.median), dash(s.p80), dash(s.p95)];
export const targetText = (g: GroupFigures): string =>
  g.targetMinutes !== undefined ? `${g.targetMinutes} min` : g.target.measured > 0 ? 'mixed' : '—';

export function periodLine(r: IncidentsReport): string {
  const mapped = r.unmapped.length > 0 ? ` (${r.unmapped.length} not mapped to a squad and service)` : '';
  const local = (iso: string) => DateTime.fromISO(iso, { zone: r.timezone }).toFormat('yyyy-MM-dd HH:mm');
  return `Incidents of ${r.organisation} on ${r.backend}, ${local(r.since)} → ${local(r.until)} (${r.timezone}): ${r.pages} page${r.pages === 1 ? '' : 's'}${mapped}`;
}

export const DEFINITIONS = [
  'Times in minutes from the page. Median, p80 and p95 by nearest rank (the value of rank ⌈p·n/100⌉ of the n sorted values).',
  'Within target: acknowledged no later than the response target (the service’s promise, else its escalation policy’s).',
  'Answered at: the escalation level last notified before the acknowledgement.',
  'Out of hours: notified outside the organisation’s business hours, read in the zone of the rotation the squad routed to then.',
];

export function interventionLine(r: IncidentsReport): string {
  return r.intervention === 'page-to-resolve'
    ? 'Intervention hours: from the page to its resolution, for whoever acknowledged it (or resolved it).'
    : 'Intervention hours: from the acknowledgement to the resolution, for whoever acknowledged it.';
}

const GROUP_HEADER = [
  'pages',
  'acked',
  'ack med',
  'ack p80',
  'ack p95',
  'res med',
  'res p80',
  'res p95',
  'target',
  'within',
  'answered at',
];
const groupCells = (g: GroupFigures): string[] => [
  String(g.pages),
  String(g.acknowledged),
  ...spread(g.timeToAcknowledge),
  ...spread(g.timeToResolve),
  targetText(g),
  percent(g.target.share),
  levelsText(g),
];
const PEOPLE_HEADER = ['person', 'paged', 'out of hours', 'acknowledged', 'intervention hours'];
const personCells = (p: PersonFigures): string[] => [
  p.name,
  String(p.paged),
  String(p.outOfHours),
  String(p.acknowledged),
  String(p.interventionHours),
];

/** Names and `answered at` read left to right; figures line up on the right. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => i === 0 || header[i] === 'answered at';
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function incidentsText(r: IncidentsReport): string {
  const out = [periodLine(r), ...DEFINITIONS, interventionLine(r), ...unknownLines(r)];
  for (const [key, title, first] of SECTIONS) {
    out.push('', title);
    out.push(
      ...table(
        [first, ...GROUP_HEADER],
        r[key].map((g) => [groupName(key, g), ...groupCells(g)]),
      ).map((l) => `  ${l}`),
    );
  }
  out.push('', 'Per person');
  if (r.people === 'unknown') out.push(`  ${peopleUnknown(r)}`);
  else out.push(...table(PEOPLE_HEADER, r.people.map(personCells)).map((l) => `  ${l}`));
  if (r.unmapped.length > 0) {
    out.push('', 'Not mapped');
    for (const u of r.unmapped) out.push(`  ${u.id}  ${new Date(u.createdAt).toISOString()}  ${u.title}: ${u.reason}`);
  }
  return out.join('\n');
}

function groupName(key: string, g: GroupFigures): string {
  return key === 'severities' ? g.key : key === 'alerts' ? `${g.key} (${g.label})` : `${g.label} (${g.key})`;
}

const CSV_HEADER = [
  'section',
  'key',
  'label',
  'squad',
  'service',
  'pages',
  'acknowledged',
  'resolved',
  'ack_median_min',
  'ack_p80_min',
  'ack_p95_min',
  'resolve_median_min',
  'resolve_p80_min',
  'resolve_p95_min',
  'target_min',
  'measured',
  'within_target',
  'within_share',
  'answered_at',
  'paged',
  'out_of_hours',
  'intervention_hours',
];

const csvCell = (v: string): string => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function incidentsCsv(r: IncidentsReport): string {
  const rows: string[][] = [CSV_HEADER];
  for (const [key, , section] of SECTIONS)
    for (const g of r[key])
      rows.push([
        section,
        g.key,
        g.label,
        g.squad ?? (key === 'squads' ? g.key : ''),
        g.service ?? (key === 'services' ? g.key : ''),
        String(g.pages),
        String(g.acknowledged),
        String(g.resolved),
        num(g.timeToAcknowledge.median),
        num(g.timeToAcknowledge.p80),
        num(g.timeToAcknowledge.p95),
        num(g.timeToResolve.median),
        num(g.timeToResolve.p80),
        num(g.timeToResolve.p95),
        num(g.targetMinutes),
        String(g.target.measured),
        String(g.target.within),
        num(g.target.share),
        g.answeredAt === 'unknown'
          ? 'unknown'
          : Object.entries(g.answeredAt)
              .map(([l, n]) => `${l}:${n}`)
              .join(' '),
        '',
        '',
        '',
      ]);
  for (const p of r.people === 'unknown' ? [] : r.people)
    rows.push([
      'person',
      p.person,
      p.name,
      '',
      '',
      '',
      String(p.acknowledged),
      ...Array<string>(12).fill(''),
      String(p.paged),
      String(p.outOfHours),
      String(p.interventionHours),
    ]);
  for (const u of r.unknown) rows.push(['unknown', u.figure, u.reason, ...Array<string>(CSV_HEADER.length - 3).fill('')]);
  for (const u of r.unmapped) rows.push(['unmapped', u.id, u.title, ...Array<string>(CSV_HEADER.length - 3).fill('')]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\n');
}

const md = (v: string): string => v.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdTable(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(md).join(' | ')} |`),
  ];
}

export function incidentsMarkdown(r: IncidentsReport): string {
  const out = [
    `# Incidents of ${md(r.organisation)}`,
    '',
    periodLine(r),
    '',
    ...DEFINITIONS.map((d) => `- ${d}`),
    `- ${interventionLine(r)}`,
    ...unknownLines(r).map((l) => `- ${l}`),
  ];
  for (const [key, title, first] of SECTIONS) {
    out.push('', `## ${title}`, '');
    out.push(
      ...mdTable(
        [first, ...GROUP_HEADER],
        r[key].map((g) => [groupName(key, g), ...groupCells(g)]),
      ),
    );
  }
  out.push('', '## Per person', '');
  if (r.people === 'unknown') out.push(md(`Per person: ${peopleUnknown(r)}.`));
  else out.push(...mdTable(PEOPLE_HEADER, r.people.map(personCells)));
  if (r.unmapped.length > 0) {
    out.push('', '## Not mapped', '');
    for (const u of r.unmapped) out.push(`- \`${md(u.id)}\` ${new Date(u.createdAt).toISOString()} ${md(u.title)}: ${md(u.reason)}`);
  }
  return out.join('\n');
}

export function incidentsJson(r: IncidentsReport): string {
  return JSON.stringify(r, null, 2);
}
