/** `oncall audit` output: text, json, markdown, and one self-contained HTML page with a heat map and a chart. */
import type { Audit, AuditGap, SquadAudit } from '../../checks/audit';

export const AUDIT_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

const share = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
const severities = (t: SquadAudit) =>
  Object.entries(t.alertsBySeverity)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ×${n}`)
    .join(', ') || 'none';
// One line per squad: the policy with the least time to spare, against its own target. With several
// policies it is named, and a count of the late ones tells whether it is the only one.
const escalation = (t: SquadAudit) => {
  if (t.escalationMinutes === null) return 'no escalation policy';
  const several = t.escalations.length > 1;
  const late = t.escalations.filter((e) => !e.withinTarget).length;
  const line = `${several ? `${t.escalationPolicy}: ` : ''}${t.escalationMinutes} min to the last level, target ${t.responseTargetMinutes} min`;
  if (t.escalationWithinTarget) return several ? `${line} (all ${t.escalations.length} policies within their targets)` : line;
  return `${line} (late${several ? `; ${late} of ${t.escalations.length} policies late` : ''})`;
};
const loadLine = (t: SquadAudit) => t.load.map((l) => `${l.person} ${Math.round(l.hours)}h`).join(', ') || 'nobody';

export function auditJson(a: Audit): string {
  return JSON.stringify({ from: a.from, to: a.to, weeks: a.weeks, unassignedMonitors: a.unassignedMonitors, teams: a.teams }, null, 2);
}

export function auditText(a: Audit): string {
  const out = [`Audit of the next ${a.weeks} weeks (${a.from.slice(0, 10)} → ${a.to.slice(0, 10)})`];
  for (const t of a.teams) {
    out.push(
      '',
      `${t.team} — ${t.name}`,
      `  services: ${t.services.join(', ') || 'none'}${t.customerFacingServices.length ? ` (customer-facing: ${t.customerFacingServices.join(', ')})` : ''}`,
      `  alerts: ${t.alerts} (${severities(t)}); with a runbook ${share(t.alertsWithRunbook, t.alerts)}; passing readiness ${share(t.alertsPassingReadiness, t.alerts)}`,
    );
    if (t.servicesWithoutPagingAlert.length) out.push(`  no paging alert: ${t.servicesWithoutPagingAlert.join(', ')}`);
    if (t.servicesWithoutSyntheticCheck.length) out.push(`  no synthetic check: ${t.servicesWithoutSyntheticCheck.join(', ')}`);
    out.push(`  promised hours covered: ${t.coveragePercent}%`);
    for (const g of t.gaps) out.push(`    gap ${gapLine(g)}`);
    out.push(`  escalation: ${escalation(t)}`, `  load: ${loadLine(t)}`);
    if (t.unmanagedMonitors !== null)
      out.push(`  monitors not managed as code: ${t.unmanagedMonitors} (managed ${t.managedSharePercent}%)`);
  }
  if (a.unassignedMonitors !== null) out.push('', `Monitors without a squad (no team: tag): ${a.unassignedMonitors}`);
  return out.join('\n');
}

export function auditMarkdown(a: Audit): string {
  const withMonitors = a.teams.some((t) => t.unmanagedMonitors !== null);
  const out = [
    `### On-call audit: the next ${a.weeks} weeks`,
    '',
    `| squad | alerts | with runbook | passing readiness | covered | escalation | no paging alert | no synthetic check |${withMonitors ? ' unmanaged monitors |' : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- | --- |${withMonitors ? ' --- |' : ''}`,
    ...a.teams.map(
      (t) =>
        `| ${t.team} | ${t.alerts} (${severities(t)}) | ${share(t.alertsWithRunbook, t.alerts)} | ${share(t.alertsPassingReadiness, t.alerts)} | ${t.coveragePercent}% | ${escalation(t)} | ${t.servicesWithoutPagingAlert.join(', ') || '—'} | ${t.servicesWithoutSyntheticCheck.join(', ') || '—'} |${withMonitors ? ` ${t.unmanagedMonitors ?? '—'} |` : ''}`,
    ),
    '',
    '**Load per person**',
    '',
    ...a.teams.map((t) => `- ${t.team}: ${loadLine(t)}`),
  ];
  const withGaps = a.teams.filter((t) => t.gaps.length > 0);
  if (withGaps.length) {
    out.push('', '**Promised hours with nobody on call**', '');
    for (const t of withGaps) out.push(`- ${t.team}: ${t.gaps.map(gapLine).join('; ')}`);
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function color(v: number | null): string {
  if (v === null) return '#e5e7eb';
  if (v >= 0.999) return '#16a34a';
  if (v >= 0.5) return '#f59e0b';
  return '#dc2626';
}

/** One strip per week (168 hours, Monday first) under each squad: when the gaps happen, week by week. */
function heatSvg(a: Audit): string {
  const cell = 6;
  const strip = 9;
  const left = 190;
  const top = 24;
  const width = left + 168 * cell + 10;
  const rows = a.teams.reduce((n, t) => n + 1 + t.byWeek.length, 0);
  const height = top + rows * strip + a.teams.length * 8 + 10;
  const parts = [
    `<svg id="heat-map" role="img" aria-label="Coverage of promised hours, hour by hour, week by week, per squad" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  ];
  DAYS.forEach((d, i) => parts.push(`<text x="${left + i * 24 * cell + 2}" y="14" font-size="11">${d}</text>`));
  let y = top;
  for (const t of a.teams) {
    parts.push(`<text x="0" y="${y + strip - 1}" font-size="12" font-weight="bold">${esc(t.team)}</text>`);
    y += strip;
    for (const w of t.byWeek) {
      parts.push(`<text x="12" y="${y + strip - 2}" font-size="10">week of ${w.week}</text>`);
      w.heat.forEach((v, hour) => {
        const label = `${t.team}, week of ${w.week}, ${DAYS[Math.floor(hour / 24)]} ${String(hour % 24).padStart(2, '0')}:00: ${v === null ? 'not promised' : `${Math.round(v * 100)}% covered`}`;
        parts.push(
          `<rect class="hour" x="${left + hour * cell}" y="${y}" width="${cell - 1}" height="${strip - 1}" fill="${color(v)}"><title>${esc(label)}</title></rect>`,
        );
      });
      y += strip;
    }
    y += 8;
  }
  parts.push('</svg>');
  return parts.join('');
}

function gapList(a: Audit): string {
  const items = a.teams.flatMap((t) => t.gaps.map((g) => `<li>${esc(t.team)}: ${esc(gapLine(g))}</li>`));
  return items.length
    ? `<h3>Promised hours with nobody on call</h3>\n<ul id="gaps">\n${items.join('\n')}\n</ul>`
    : '<p id="gaps">No gap: every promised hour has someone on call.</p>';
}

function loadSvg(a: Audit): string {
  const rows = a.teams.flatMap((t) => t.load.map((l) => ({ team: t.team, person: l.person, hours: l.hours })));
  const max = Math.max(1, ...rows.map((r) => r.hours));
  const bar = 18;
  const left = 170;
  const width = 720;
  const height = rows.length * (bar + 6) + 10;
  const parts = [
    `<svg id="load-chart" role="img" aria-label="On-call hours per person" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  ];
  rows.forEach((r, i) => {
    const y = i * (bar + 6);
    const w = Math.round(((width - left - 60) * r.hours) / max);
    parts.push(`<text x="0" y="${y + 13}" font-size="12">${esc(`${r.team} · ${r.person}`)}</text>`);
    parts.push(
      `<rect class="bar" x="${left}" y="${y}" width="${w}" height="${bar}" fill="#2563eb"><title>${esc(`${r.person}: ${Math.round(r.hours)} hours`)}</title></rect>`,
    );
    parts.push(`<text x="${left + w + 6}" y="${y + 13}" font-size="12">${Math.round(r.hours)} h</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export function auditHtml(a: Audit, organisation: string): string {
  const table = a.teams
    .map(
      (t) =>
        `<tr><td>${esc(t.team)}</td><td>${t.alerts}</td><td>${share(t.alertsWithRunbook, t.alerts)}</td><td>${share(t.alertsPassingReadiness, t.alerts)}</td><td>${t.coveragePercent}%</td><td>${esc(escalation(t))}</td><td>${esc([...t.servicesWithoutPagingAlert, ...t.servicesWithoutSyntheticCheck].join(', ') || '—')}</td><td>${t.unmanagedMonitors ?? '—'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(organisation)} — on-call audit</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111827; }
table { border-collapse: collapse; margin: 1rem 0; }
td, th { border: 1px solid #d1d5db; padding: 4px 8px; text-align: left; font-size: 14px; }
.legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; }
</style>
</head>
<body>
<h1>${esc(organisation)} — on-call audit</h1>
<p>The next ${a.weeks} weeks, from ${a.from.slice(0, 10)} to ${a.to.slice(0, 10)}.</p>
<table>
<tr><th>squad</th><th>alerts</th><th>with runbook</th><th>passing readiness</th><th>covered</th><th>escalation</th><th>services missing a paging alert or check</th><th>unmanaged monitors</th></tr>
${table}
</table>
<h2>Coverage of promised hours, week by week</h2>
<p class="legend"><span style="background:#16a34a"></span>covered<span style="background:#f59e0b"></span>partly<span style="background:#dc2626"></span>gaps<span style="background:#e5e7eb"></span>not promised</p>
${heatSvg(a)}
${gapList(a)}
<h2>On-call load per person</h2>
${loadSvg(a)}
</body>
</html>
`;
}

function gapLine(g: AuditGap): string {
  return `${g.start} → ${g.end} (${g.hours} h, ${g.rotations.join(', ')})`;
}
