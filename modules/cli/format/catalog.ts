/**
 * The alert catalog: one markdown page per squad and an index — the searchable alert database one seed
 * kept by hand. Each alert shows what triggers it, what to do, how long it should take, and who is paged.
 */
import { section } from '../../checks/runbook-sections';
import type { Alert, Organisation, Team } from '../../model/types';
import { alertName } from '../../render/alerts/naming';
import { runbookLink } from '../../render/alerts/message';
import { describePolicy, describeWindows } from './describe';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[[\]]/g, (c) => `\\${c}`).replace(/\n+/g, ' ');

function routing(org: Organisation, team: Team, alert: Alert): string {
  if (!alert.page) return `Does not page${alert.spec.notify?.length ? `; notifies ${alert.spec.notify.join(', ')}` : ''}.`;
  if (team.routing.length === 0) return 'Pages nobody: the squad has no escalation policy.';
  return team.routing
    .map((r) => {
      const policy = team.escalations.get(alert.escalation ?? r.escalation);
      const when = r.during.kind === 'always' ? (team.routing.length > 1 ? 'Otherwise' : 'Always') : describeWindows(r.during);
      return `${when}: \`${r.rotation.split('/')[1]}\`, then ${policy ? describePolicy(policy) : r.escalation}`;
    })
    .join('. ') + '.';
}

function trigger(alert: Alert, org: Organisation): string {
  const fromRunbook = alert.runbook?.kind === 'file' ? section(alert.runbook.text, org.readiness.runbookSections[0] ?? 'Trigger') : undefined;
  if (fromRunbook) return fromRunbook;
  if (alert.spec.description) return alert.spec.description;
  const t = alert.spec.thresholds;
  if (alert.spec.query && t) return `\`${alert.spec.query}\` ${t.critical} over ${alert.spec.window ?? '5m'}${t.warning ? ` (warning ${t.warning})` : ''}.`;
  if (alert.spec.request) return `${alert.spec.request.method ?? 'GET'} ${alert.spec.request.url} must answer ${alert.spec.expect?.status ?? 200}${alert.spec.expect?.bodyContains ? ` and contain "${alert.spec.expect.bodyContains}"` : ''}, every ${alert.spec.every ?? '5m'}.`;
  if (alert.spec.steps) return `Journey: ${alert.spec.steps.map((s) => s.name).join(' → ')}, every ${alert.spec.every ?? '5m'}.`;
  return '—';
}

export function squadPage(org: Organisation, team: Team): string {
  const [, resolutionName = 'Resolution', timeName = 'Expected time'] = org.readiness.runbookSections;
  const out = [`# ${team.name} (\`${team.id}\`) — alerts`, '', team.description ?? '', '', `[All squads](index.md)`, ''];
  const alerts = [...team.alerts.values()].filter((a) => !a.retired).sort((a, b) => (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : a.id < b.id ? -1 : 1));
  if (alerts.length === 0) out.push('No alerts yet.');
  for (const a of alerts) {
    const md = a.runbook?.kind === 'file' ? a.runbook.text : undefined;
    const link = runbookLink(org, a);
    out.push(
      `## ${a.severity} · ${alertName(a)}`,
      '',
      `- **Id**: \`${a.id}\` · **Kind**: ${a.kind} · **Service**: \`${a.service}\`${a.spec.tags?.length ? ` · **Tags**: ${a.spec.tags.map((t) => `\`${t}\``).join(' ')}` : ''}`,
      `- **Routing**: ${routing(org, team, a)}`,
      `- **Runbook**: ${link ? `[${link}](${link})` : 'none'}`,
      '',
      '**Trigger criteria**',
      '',
      trigger(a, org),
      '',
      '**Procedure**',
      '',
      (md && section(md, resolutionName)) || (link ? `See the runbook.` : '—'),
      '',
      '**Expected time**',
      '',
      (md && section(md, timeName)) || '—',
      '',
    );
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export function catalogIndex(org: Organisation): string {
  const out = [`# ${org.name} — alert catalog`, '', '| severity | alert | squad | service | kind | pages |', '| --- | --- | --- | --- | --- | --- |'];
  const alerts = [...org.alerts.values()].filter((a) => !a.retired).sort((a, b) => (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : a.id < b.id ? -1 : 1));
  for (const a of alerts) {
    out.push(`| ${a.severity} | [${cell(alertName(a))}](${a.team}.md#${anchor(a)}) | ${a.team} | ${a.service} | ${a.kind} | ${a.page ? 'yes' : 'no'} |`);
  }
  out.push('', '## Squads', '', ...[...org.teams.values()].map((t) => `- [${t.name}](${t.id}.md): ${t.alerts.size} alerts`));
  return `${out.join('\n')}\n`;
}

/** GitHub-style heading anchor of an alert's section. */
function anchor(a: Alert): string {
  return `${a.severity} · ${alertName(a)}`.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s/g, '-');
}
