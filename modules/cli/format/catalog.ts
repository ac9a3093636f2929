/**
 * The alert catalog: one markdown page per squad and an index — the searchable alert database one seed
 * kept by hand. Each alert shows what triggers it, what to do, how long it should take, and who is paged.
 */
import { section } from '../../checks/runbook-sections';
import type { Alert, Organisation, Squad } from '../../model/types';
import { rotationLabel } from '../../model/served-rotations';
import { alertName } from '../../render/alerts/naming';
import { runbookLink } from '../../render/alerts/message';
import { describePolicy, describeWindows } from './describe';

const cell = (s: string) =>
  s
    .replace(/\|/g, '\\|')
    .replace(/[[\]]/g, (c) => `\\${c}`)
    .replace(/\n+/g, ' ');

function routing(org: Organisation, team: Squad, alert: Alert): string {
  if (!alert.page) return `Does not page${alert.notify.length ? `; notifies ${alert.notify.join(', ')}` : ''}.`;
  if (team.routing.length === 0) return 'Pages nobody: the squad has no escalation policy.';
  return (
    team.routing
      .map((r) => {
        const policy = team.escalations.get(alert.escalation ?? r.escalation);
        const when = r.during.kind === 'always' ? (team.routing.length > 1 ? 'Otherwise' : 'Always') : describeWindows(r.during);
        return `${when}: \`${rotationLabel(team, r.rotation)}\`, then ${policy ? describePolicy(policy) : r.escalation}`;
      })
      .join('. ') + '.'
  );
}

function trigger(alert: Alert, org: Organisation): string {
  const fromRunbook =
    alert.runbook?.kind === 'file' ? section(alert.runbook.text, org.readiness.runbookSections[0] ?? 'Trigger') : undefined;
  if (fromRunbook) return fromRunbook;
  if (alert.description) return alert.description;
  switch (alert.kind) {
    case 'metric':
    case 'log':
    case 'service-check': {
      const { critical, warning } = alert.thresholds;
      // A service check counts failing check runs: it has no window.
      const over = alert.kind === 'service-check' ? ' failing check runs' : ` over ${alert.window.text}`;
      return `\`${alert.query}\` ${critical.text}${over}${warning ? ` (warning ${warning.text})` : ''}.`;
    }
    case 'http-check': {
      const { request, expect } = alert;
      return `${request.method} ${request.url} must answer ${expect.status}${expect.bodyContains ? ` and contain "${expect.bodyContains}"` : ''}, every ${alert.every.text}.`;
    }
    case 'multistep-check':
      return `Journey: ${alert.steps.map((s) => s.name).join(' → ')}, every ${alert.every.text}.`;
    case 'slo':
      return '—';
  }
}

export function squadPage(org: Organisation, team: Squad): string {
  const [, resolutionName = 'Resolution', timeName = 'Expected time'] = org.readiness.runbookSections;
  const out = [`# ${team.name} (\`${team.id}\`) — alerts`, '', team.description ?? '', '', `[All squads](index.md)`, ''];
  const alerts = [...team.alerts.values()]
    .filter((a) => !a.retired)
    .sort((a, b) => (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : a.id < b.id ? -1 : 1));
  if (alerts.length === 0) out.push('No alerts yet.');
  for (const a of alerts) {
    const md = a.runbook?.kind === 'file' ? a.runbook.text : undefined;
    const link = runbookLink(org, a);
    out.push(
      `## ${a.severity} · ${alertName(a)}`,
      '',
      `- **Id**: \`${a.id}\` · **Kind**: ${a.kind} · **Service**: \`${a.service}\`${a.tags.length ? ` · **Tags**: ${a.tags.map((t) => `\`${t}\``).join(' ')}` : ''}`,
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
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export function catalogIndex(org: Organisation): string {
  const out = [
    `# ${org.name} — alert catalog`,
    '',
    '| severity | alert | squad | service | kind | pages |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const alerts = [...org.alerts.values()]
    .filter((a) => !a.retired)
    .sort((a, b) => (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : a.id < b.id ? -1 : 1));
  for (const a of alerts) {
    out.push(
      `| ${a.severity} | [${cell(alertName(a))}](${a.squad}.md#${anchor(a)}) | ${a.squad} | ${a.service} | ${a.kind} | ${a.page ? 'yes' : 'no'} |`,
    );
  }
  out.push('', '## Squads', '', ...[...org.squads.values()].map((t) => `- [${t.name}](${t.id}.md): ${t.alerts.size} alerts`));
  return `${out.join('\n')}\n`;
}

/** GitHub-style heading anchor of an alert's section. */
function anchor(a: Alert): string {
  return `${a.severity} · ${alertName(a)}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
