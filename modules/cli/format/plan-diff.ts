/** `oncall plan --base`: what a pull request changes, for a terminal, for CI (json) and as a PR comment. */
import type { Blocked } from '../../render/deletion-guard';
import type { StateDiff } from '../../render/diff';
import type { DesiredResource } from '../../render/desired';
import { shownValue, valueChanges } from './value-changes';
import type { RotationChange } from '../../schedule/week-compare';
import { shortType } from './plan';

export interface PlanDiff {
  readonly stack: string;
  readonly base: string;
  readonly diff: StateDiff;
  readonly blocked: readonly Blocked[];
  readonly allowDelete: boolean;
  readonly rotations: readonly RotationChange[];
  readonly baseNote?: string;
}

const brief = (r: DesiredResource) => ({ type: r.type, name: r.name });
const people = (list: readonly string[]) => (list.length ? list.join(' + ') : 'nobody');

export function planDiffJson(p: PlanDiff): string {
  return JSON.stringify(
    {
      stack: p.stack,
      base: p.base,
      create: p.diff.create.map(brief),
      update: p.diff.update.map((u) => ({ ...brief(u.resource), changes: u.changes })),
      replace: p.diff.replace.map((r) => ({ type: r.after.type, name: r.after.name, from: r.before.name, reason: r.reason })),
      delete: p.diff.delete.map(brief),
      unchanged: p.diff.unchanged,
      blocked: p.blocked.map((b) => ({ ...brief(b.resource), kind: b.kind, action: b.action, reason: b.why })),
      rotations: p.rotations,
    },
    null,
    2,
  );
}

function weekLines(r: RotationChange): string[] {
  return r.weeks.map((w) => {
    const before = people(w.before);
    const after = people(w.after);
    return before === after ? `week of ${w.week}: ${after}` : `week of ${w.week}: ${before} → ${after}`;
  });
}

/** A change of roster that takes effect immediately rather than at the next handoff. */
function nowWarning(r: RotationChange): string | undefined {
  if (r.status !== 'changed' || r.now.before === r.now.after) return undefined;
  const when = r.now.nextHandoff ? ` under \`changes:\` from ${r.now.nextHandoff}` : ' under `changes:`';
  return `changes who is on call right now (${r.now.before ?? 'nobody'} → ${r.now.after ?? 'nobody'}); to change at the next handoff, give the new order${when}`;
}

function counts(p: PlanDiff): string {
  const d = p.diff;
  return `${d.create.length} to create, ${d.update.length} to update, ${d.replace.length} to replace, ${d.delete.length} to delete, ${d.unchanged} unchanged`;
}

function blockedLine(b: Blocked): string {
  return `${b.action === 'delete' ? 'deletes' : 'replaces'} ${b.kind} \`${b.resource.name}\` (${b.why})`;
}

export function planDiffText(p: PlanDiff): string {
  const out = [`Stack ${p.stack}, compared with ${p.base}: ${counts(p)}`];
  if (p.baseNote) out.push(`(${p.baseNote})`);
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', title, ...lines.map((l) => `  ${l}`));
  };
  section(
    'Create',
    p.diff.create.map((r) => `+ ${shortType(r.type)} ${r.name}`),
  );
  section(
    'Update',
    p.diff.update.flatMap((u) => [
      `~ ${shortType(u.resource.type)} ${u.resource.name}`,
      ...u.changes.flatMap((c) =>
        valueChanges(c.input, c.before, c.after).map((v) => `    ${v.path}: ${shownValue(v.before)} → ${shownValue(v.after)}`),
      ),
    ]),
  );
  section(
    'Replace',
    p.diff.replace.map((r) => `± ${shortType(r.after.type)} ${r.after.name}: ${r.reason}`),
  );
  section(
    'Delete',
    p.diff.delete.map((r) => `- ${shortType(r.type)} ${r.name}`),
  );
  for (const r of p.rotations) {
    section(`Who is on call in ${r.team}/${r.rotation} (${r.status}), before → after`, weekLines(r));
    const warning = nowWarning(r);
    if (warning) out.push(`  ⚠ ${warning}`);
  }
  if (p.blocked.length) {
    out.push('', 'Blocked: this change loses history that cannot be recovered:', ...p.blocked.map((b) => `  ✗ ${blockedLine(b)}`));
    out.push('Mark the objects `retired: true` first (and apply), or pass --allow-delete if this is intended.');
  } else if (p.allowDelete && (p.diff.delete.length || p.diff.replace.length)) out.push('', 'Deletions allowed by --allow-delete.');
  return out.join('\n');
}

export function planDiffMarkdown(p: PlanDiff): string {
  const out = [`### oncall plan: \`${p.stack}\` compared with \`${p.base}\``, '', counts(p)];
  if (p.baseNote) out.push('', `> ${p.baseNote}`);
  if (p.blocked.length) {
    out.push(
      '',
      `**Blocked**: this change loses history that cannot be recovered:`,
      '',
      ...p.blocked.map((b) => `- ❌ ${blockedLine(b)}`),
      '',
      'Mark the objects `retired: true` first (and apply), or run with `--allow-delete` if this is intended.',
    );
  }
  for (const r of p.rotations) {
    const changed = r.weeks.filter((w) => people(w.before) !== people(w.after));
    out.push(
      '',
      `**${r.team}/${r.rotation}** (${r.status}): ${changed.length ? `${changed.length} of ${r.weeks.length} weeks change hands` : 'nobody changes in the next weeks'}`,
    );
    const warning = nowWarning(r);
    if (warning) out.push('', `⚠️ ${warning}`);
    out.push('', '<details><summary>Week by week</summary>', '', ...weekLines(r).map((l) => `- ${l}`), '', '</details>');
  }
  const rows = [
    ...p.diff.create.map((r) => `| create | ${shortType(r.type)} | \`${r.name}\` | |`),
    ...p.diff.update.map(
      (u) => `| update | ${shortType(u.resource.type)} | \`${u.resource.name}\` | ${u.changes.map((c) => `\`${c.input}\``).join(', ')} |`,
    ),
    ...p.diff.replace.map((r) => `| replace | ${shortType(r.after.type)} | \`${r.after.name}\` | ${r.reason.replace(/\|/g, '\\|')} |`),
    ...p.diff.delete.map((r) => `| delete | ${shortType(r.type)} | \`${r.name}\` | |`),
  ];
  if (rows.length)
    out.push(
      '',
      '<details><summary>Resources</summary>',
      '',
      '| action | type | name | inputs |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
      '</details>',
    );
  return out.join('\n');
}
