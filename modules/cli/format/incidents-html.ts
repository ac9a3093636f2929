/**
 * `oncall report incidents --format html`: one self-contained page (no external script, style or font), its
 * charts inline SVG, each with a title and the table of its figures beside it for screen readers and copying.
 */
import type { IncidentsReport } from '../../reports/incident-figures';
import {
  DEFINITIONS,
  interventionLine,
  levelsText,
  peopleUnknown,
  percent,
  periodLine,
  SECTIONS,
  targetText,
  unknownLines,
} from './incidents';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const PALETTE = ['#1f6feb', '#d97706', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#a16207', '#be185d'];

function table(caption: string, header: string[], rows: string[][]): string {
  return `<table><caption>${esc(caption)}</caption><thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function svg(id: string, title: string, width: number, height: number, body: string[]): string {
  return `<svg id="${id}" class="chart" role="img" aria-labelledby="${id}-title" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="${id}-title">${esc(title)}</title>${body.join('')}</svg>`;
}

/** Stacked vertical bars: one per column, one colour per series. */
function stacked(id: string, title: string, columns: string[], series: string[], value: (column: number, s: string) => number): string {
  const bar = columns.length <= 16 ? 64 : 16;
  const width = Math.max(420, 60 + columns.length * bar);
  const height = 220;
  const max = Math.max(1, ...columns.map((_, c) => series.reduce((n, s) => n + value(c, s), 0)));
  const body: string[] = [
    `<line x1="50" y1="190" x2="${width - 5}" y2="190" stroke="#888"/>`,
    `<text x="45" y="20" text-anchor="end" font-size="10">${max}</text>`,
  ];
  columns.forEach((label, c) => {
    let y = 190;
    for (const [k, s] of series.entries()) {
      const v = value(c, s);
      if (v === 0) continue;
      const h = (v / max) * 170;
      y -= h;
      body.push(
        `<rect class="bar" x="${(50 + c * bar + 1).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, bar - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[k % PALETTE.length]}"><title>${esc(`${label}, ${s}: ${v}`)}</title></rect>`,
      );
    }
    if (columns.length <= 16 || c % Math.ceil(columns.length / 12) === 0)
      body.push(`<text x="${(50 + c * bar + bar / 2).toFixed(1)}" y="205" text-anchor="middle" font-size="9">${esc(label)}</text>`);
  });
  series.forEach((s, k) =>
    body.push(
      `<rect x="${60 + k * 110}" y="208" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/><text x="${74 + k * 110}" y="217" font-size="10">${esc(s)}</text>`,
    ),
  );
  return svg(id, title, width, height + 10, body);
}

/** Horizontal bars, one per row, `max` the full width. */
function horizontal(id: string, title: string, rows: Array<[string, number, string]>, max: number): string {
  const width = 720;
  const height = Math.max(40, 20 + rows.length * 22);
  const body = rows.map(([label, v, text], i) => {
    const w = max > 0 ? (v / max) * 300 : 0;
    return `<text x="190" y="${26 + i * 22}" text-anchor="end" font-size="11">${esc(label)}</text><rect class="bar" x="200" y="${14 + i * 22}" width="${Math.max(1, w).toFixed(1)}" height="16" fill="${PALETTE[0]}"><title>${esc(`${label}: ${text}`)}</title></rect><text x="${(206 + w).toFixed(1)}" y="${26 + i * 22}" font-size="11">${esc(text)}</text>`;
  });
  return svg(id, title, width, height, body);
}

export function incidentsHtml(r: IncidentsReport): string {
  const squads = r.squads.map((s) => s.key);
  const squadName = new Map(r.squads.map((s) => [s.key, s.label]));
  const named = squads.map((s) => squadName.get(s) ?? s);
  const parts: string[] = [];
  const figure = (chart: string, tableHtml: string) => {
    const title = /<title id="[^"]+">([^<]*)<\/title>/.exec(chart)?.[1] ?? '';
    return `<h2>${title}</h2><figure>${chart}<figcaption>${tableHtml}</figcaption></figure>`;
  };

  parts.push(
    figure(
      stacked(
        'response-times',
        'Time to acknowledge: pages per bucket and squad',
        r.responseTimes.map((b) => b.label),
        named,
        (c, s) => {
          const id = squads[named.indexOf(s)]!;
          return r.responseTimes[c]!.squads[id] ?? 0;
        },
      ),
      table(
        'Time to acknowledge, pages per bucket',
        ['bucket', ...named],
        r.responseTimes.map((b) => [b.label, ...squads.map((s) => String(b.squads[s] ?? 0))]),
      ),
    ),
  );
  parts.push(
    figure(
      stacked(
        'pages-per-week',
        'Pages per week per squad',
        r.weeks.map((w) => w.week),
        named,
        (c, s) => r.weeks[c]!.squads[squads[named.indexOf(s)]!] ?? 0,
      ),
      table(
        'Pages per week (weeks start on Monday)',
        ['week', ...named],
        r.weeks.map((w) => [w.week, ...squads.map((s) => String(w.squads[s] ?? 0))]),
      ),
    ),
  );
  const people = r.people === 'unknown' ? [] : r.people;
  const maxOut = Math.max(0, ...people.map((p) => p.outOfHours));
  const outOfHoursTitle = 'Pages out of business hours per person';
  parts.push(
    figure(
      r.people === 'unknown'
        ? svg('out-of-hours', outOfHoursTitle, 720, 40, [
            `<text x="10" y="25" font-size="12">${esc(`Per person: ${peopleUnknown(r) ?? ''}`)}</text>`,
          ])
        : horizontal(
            'out-of-hours',
            outOfHoursTitle,
            people.map((p) => [p.name, p.outOfHours, `${p.outOfHours} of ${p.paged}`]),
            maxOut,
          ),
      table(
        'Load per person',
        ['person', 'paged', 'out of hours', 'acknowledged', 'intervention hours'],
        r.people === 'unknown'
          ? [['unknown', 'unknown', 'unknown', 'unknown', 'unknown']]
          : people.map((p) => [p.name, String(p.paged), String(p.outOfHours), String(p.acknowledged), String(p.interventionHours)]),
      ),
    ),
  );
  parts.push(
    figure(
      horizontal(
        'target-compliance',
        'Share acknowledged within the response target per contract',
        r.services.map((s) => [s.label, (s.target.share ?? 0) * 100, `${percent(s.target.share)} (target ${targetText(s)})`]),
        100,
      ),
      table(
        'Response target per contract',
        ['service', 'target', 'measured', 'within', 'share'],
        r.services.map((s) => [s.label, targetText(s), String(s.target.measured), String(s.target.within), percent(s.target.share)]),
      ),
    ),
  );
  for (const [key, title, first] of SECTIONS) {
    parts.push(
      `<section><h2>${esc(title)}</h2>${table(
        title,
        [
          first,
          'pages',
          'acknowledged',
          'ack median',
          'ack p80',
          'ack p95',
          'resolve median',
          'resolve p80',
          'resolve p95',
          'target',
          'within',
          'answered at',
        ],
        r[key].map((g) => [
          key === 'severities' ? g.key : `${g.label} (${g.key})`,
          String(g.pages),
          String(g.acknowledged),
          ...[g.timeToAcknowledge, g.timeToResolve].flatMap((s) =>
            [s.median, s.p80, s.p95].map((v) => (v === undefined ? '—' : String(v))),
          ),
          targetText(g),
          percent(g.target.share),
          levelsText(g),
        ]),
      )}</section>`,
    );
  }
  if (r.unmapped.length > 0)
    parts.push(
      `<section><h2>Not mapped</h2>${table(
        'Pages with no squad or service of the organisation',
        ['id', 'created', 'title', 'reason'],
        r.unmapped.map((u) => [u.id, new Date(u.createdAt).toISOString(), u.title, u.reason]),
      )}</section>`,
    );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Incidents of ${r.organisation}`)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
figure { margin: 1.5rem 0; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.85rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; }
.chart { display: block; max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${esc(`Incidents of ${r.organisation}`)}</h1>
<p>${esc(periodLine(r))}</p>
<ul>${[...DEFINITIONS, interventionLine(r), ...unknownLines(r)].map((d) => `<li>${esc(d)}</li>`).join('')}</ul>
${parts.join('\n')}
</body>
</html>
`;
}
