/**
 * The import report, to paste in the pull request that adds the imported teams/: what was read and written
 * (counts by kind), every finding with its source object and why, the links from the account's objects to the
 * YAML's, and — with a stack — the adoption: what `pulumi import` adopts, what the first `pulumi up` creates,
 * what it leaves alone, and whether the first plan after import changes anything.
 */
import { descriptorOf } from '../backends';
import { maskPhonesInText } from '../core/mask-phones';
import { displayed } from '../backends/descriptor';
import type { Backend, DesiredResource, Value } from '../render/desired';
import type { StateDiff } from '../render/diff';
import type { ImportFinding, ImportResult, ObservedResource, ObservedState, SourceObject } from './account';
import { changesNothing, type Adoption } from './adoption';

export const BACKEND_NAMES: Readonly<Record<Backend, string>> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  datadog: 'Datadog On-Call',
};

/**
 * What the first `pulumi up` does with an override (or a phone line) already in the account: our dynamic
 * providers look before they create (modules/pulumi/overrides/README.md).
 */
export const DYNAMIC_ADOPTION: Readonly<Record<Backend, string>> = {
  pagerduty: "the override provider adopts the schedule's override for the same person and instants",
  datadog: "the override provider adopts the schedule's override for the same person and instants",
  opsgenie:
    "Opsgenie keys overrides by alias: the override provider adds one for the same person and instants under the stack's alias, which pages as the account's own",
};

export interface ReportInput {
  readonly backend: Backend;
  /** The API's base URL or the export directory (never a key). */
  readonly source: string;
  /** ISO instant the account was read. */
  readonly readAt: string;
  readonly teamsDir: string;
  readonly files: readonly string[];
  readonly observed: ObservedState;
  readonly result: ImportResult;
  /** Comment keys that named no key of the YAML. */
  readonly unplaced: readonly string[];
  readonly validation: { readonly errors: number; readonly warnings: number };
  readonly adoption?: { readonly stack: string; readonly bulkImportFile?: string; readonly adoption: Adoption };
}

/** A change of one input of one resource, path by path (as `oncall plan --base` prints them). */
export interface Difference {
  readonly type: string;
  readonly name: string;
  readonly action: 'update' | 'replace';
  readonly input: string;
  readonly account: Value | undefined;
  readonly plan: Value | undefined;
  readonly reason?: string;
}

const kindOf = (type: string) => descriptorOf(type)?.kind ?? type;
const shown = (r: DesiredResource) => displayed(descriptorOf(r.type), r);
/** Free text of the account (names, findings) may hold a number: masked, as in every output but the provider's. */
const text = (t: string) => maskPhonesInText(t);
const source = (s: SourceObject) => ({ type: s.type, id: s.id, ...(s.name === undefined ? {} : { name: text(s.name) }) });

function countBy<T>(items: readonly T[], of: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[of(i)] = (out[of(i)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What the YAML holds, by kind. */
function yamlCounts(result: ImportResult): Record<string, number> {
  const t = result.teams;
  const squads = [...t.squads.values()];
  const sum = (f: (s: (typeof squads)[number]) => number) => squads.reduce((n, s) => n + f(s), 0);
  return {
    people: Object.keys(t.org.people ?? {}).length,
    squads: squads.length,
    rotations: sum((s) => Object.keys(s.rotations ?? {}).length),
    'escalation policies': sum((s) => Object.keys(s.escalations ?? {}).length),
    services: sum((s) => Object.keys(s.services ?? {}).length),
    alerts:
      sum((s) => Object.keys(s.alerts ?? {}).length) + [...t.alerts.values()].reduce((n, a) => n + Object.keys(a.alerts ?? {}).length, 0),
  };
}

/** The differences of the no-change check, each input path by path, phone numbers masked. */
export function differences(
  diff: StateDiff,
  paths: (
    input: string,
    before: Value | undefined,
    after: Value | undefined,
  ) => Array<{ path: string; before: Value | undefined; after: Value | undefined }>,
): Difference[] {
  const out: Difference[] = [];
  for (const u of diff.update) {
    const before = shown({
      ...u.resource,
      inputs: Object.fromEntries(u.changes.filter((c) => c.before !== undefined).map((c) => [c.input, c.before as Value])),
    });
    const after = shown({
      ...u.resource,
      inputs: Object.fromEntries(u.changes.filter((c) => c.after !== undefined).map((c) => [c.input, c.after as Value])),
    });
    for (const c of u.changes) {
      for (const p of paths(c.input, before.inputs[c.input], after.inputs[c.input])) {
        out.push({ type: u.resource.type, name: u.resource.name, action: 'update', input: p.path, account: p.before, plan: p.after });
      }
    }
  }
  for (const r of diff.replace) {
    const before = shown(r.before);
    const after = shown(r.after);
    const inputs = [...new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)])].sort();
    for (const input of inputs) {
      for (const p of paths(input, before.inputs[input], after.inputs[input])) {
        out.push({
          type: r.after.type,
          name: r.after.name,
          action: 'replace',
          input: p.path,
          account: p.before,
          plan: p.after,
          reason: r.reason,
        });
      }
    }
  }
  return out;
}

export interface ImportReport {
  readonly backend: Backend;
  readonly source: string;
  readonly readAt: string;
  readonly teamsDir: string;
  readonly files: readonly string[];
  readonly counts: {
    readonly account: Record<string, number>;
    readonly yaml: Record<string, number>;
    readonly findings: Record<string, number>;
  };
  readonly findings: ReadonlyArray<{
    readonly source: ReturnType<typeof source>;
    readonly what: string;
    readonly why: string;
    readonly kind: ImportFinding['kind'];
  }>;
  readonly links: ReadonlyArray<{
    readonly type: string;
    readonly id: string;
    readonly name?: string;
    readonly observed: string;
    readonly planned: string;
  }>;
  readonly unplacedComments: readonly string[];
  readonly validation: { readonly errors: number; readonly warnings: number };
  readonly adoption?: {
    readonly stack: string;
    readonly bulkImportFile?: string;
    readonly changesNothing: boolean;
    readonly imported: number;
    readonly adoptedOnCreate: ReadonlyArray<{ readonly type: string; readonly name: string; readonly id: string }>;
    readonly created: ReadonlyArray<{ readonly type: string; readonly name: string }>;
    readonly leftAlone: ReadonlyArray<{
      readonly type: string;
      readonly name: string;
      readonly id: string;
      readonly source: ReturnType<typeof source>;
    }>;
    readonly differences: readonly Difference[];
  };
}

export function importReport(input: ReportInput, paths: Parameters<typeof differences>[1]): ImportReport {
  const byObserved = new Map<string, ObservedResource>(input.observed.resources.map((r) => [r.name, r]));
  const findings = [...input.result.findings].sort((a, b) =>
    `${a.source.type}\u0000${a.source.id}\u0000${a.what}` < `${b.source.type}\u0000${b.source.id}\u0000${b.what}` ? -1 : 1,
  );
  const a = input.adoption;
  return {
    backend: input.backend,
    source: input.source,
    readAt: input.readAt,
    teamsDir: input.teamsDir,
    files: input.files,
    counts: {
      account: countBy(input.observed.resources, (r) => kindOf(r.type)),
      yaml: yamlCounts(input.result),
      findings: countBy(findings, (f) => f.kind),
    },
    findings: findings.map((f) => ({ source: source(f.source), what: text(f.what), why: text(f.why), kind: f.kind })),
    links: [...input.result.links]
      .filter((l) => byObserved.has(l.observed))
      .sort((x, y) => (x.planned < y.planned ? -1 : x.planned > y.planned ? 1 : 0))
      .map((l) => {
        const o = byObserved.get(l.observed);
        return {
          type: o?.type ?? '',
          id: o?.id ?? '',
          ...(o?.from.name === undefined ? {} : { name: o.from.name }),
          observed: l.observed,
          planned: l.planned,
        };
      }),
    unplacedComments: input.unplaced,
    validation: input.validation,
    ...(a === undefined
      ? {}
      : {
          adoption: {
            stack: a.stack,
            ...(a.bulkImportFile === undefined ? {} : { bulkImportFile: a.bulkImportFile }),
            changesNothing: changesNothing(a.adoption),
            imported: a.adoption.imported.length,
            adoptedOnCreate: a.adoption.adoptedOnCreate.map((x) => ({ type: x.planned.type, name: x.planned.name, id: x.observed.id })),
            created: a.adoption.created.map((r) => ({ type: r.type, name: r.name })),
            leftAlone: a.adoption.leftAlone.map((r) => ({ type: r.type, name: r.name, id: r.id, source: source(r.from) })),
            differences: differences(a.adoption.diff, paths),
          },
        }),
  };
}

export function importReportJson(r: ImportReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const json = (v: Value | undefined) => (v === undefined ? '—' : JSON.stringify(v));
const objectOf = (s: { type: string; id: string; name?: string }) => `${s.type} \`${s.id}\`${s.name === undefined ? '' : ` ${s.name}`}`;

/** One line per difference, as `oncall plan --base` prints a changed input. */
export function differenceLine(d: Difference): string {
  return `${d.name}: ${d.input}: ${json(d.account)} → ${json(d.plan)}${d.reason === undefined ? '' : ` (replaces: ${d.reason})`}`;
}

export function importReportMarkdown(r: ImportReport): string {
  const name = BACKEND_NAMES[r.backend];
  const out = [
    `## Import from ${name}`,
    '',
    `Read from ${r.source} at ${r.readAt}; written to \`${r.teamsDir}\`: ${r.files.map((f) => `\`${f}\``).join(', ')}.`,
    '',
    r.validation.errors > 0
      ? `**The imported YAML does not validate**: ${r.validation.errors} error(s), ${r.validation.warnings} warning(s) (\`oncall validate --teams ${r.teamsDir}\`).`
      : `The imported YAML validates${r.validation.warnings > 0 ? ` with ${r.validation.warnings} warning(s)` : ''}.`,
    '',
    '| read from the account | | written to the YAML | |',
    '| --- | ---: | --- | ---: |',
  ];
  const account = Object.entries(r.counts.account);
  const yaml = Object.entries(r.counts.yaml);
  for (let i = 0; i < Math.max(account.length, yaml.length); i++) {
    const [ak, av] = account[i] ?? ['', ''];
    const [yk, yv] = yaml[i] ?? ['', ''];
    out.push(`| ${ak} | ${av} | ${yk} | ${yv} |`);
  }
  out.push('', `### Findings: ${r.findings.length}`, '');
  if (r.findings.length === 0) out.push('Everything read is in the YAML.');
  else {
    out.push('| | source object | what | why |', '| --- | --- | --- | --- |');
    for (const f of r.findings) out.push(`| ${f.kind} | ${cell(objectOf(f.source))} | ${cell(f.what)} | ${cell(f.why)} |`);
  }
  if (r.unplacedComments.length > 0)
    out.push('', `Comments that named no key of the YAML: ${r.unplacedComments.map((c) => `\`${c}\``).join(', ')}.`);
  const a = r.adoption;
  if (a) {
    out.push('', `### Adoption by the stack \`${a.stack}\``, '');
    out.push(
      a.changesNothing
        ? '**The first plan after import changes nothing.**'
        : `**The first plan after import changes ${a.differences.length} input(s) and creates ${a.created.length} resource(s).**`,
    );
    out.push(
      '',
      `- ${a.imported} resource(s) adopted by \`pulumi import --file${a.bulkImportFile === undefined ? '' : ` ${a.bulkImportFile}`}\``,
      `- ${a.adoptedOnCreate.length} override(s) and other dynamic resources, which Pulumi cannot import, registered by the first \`pulumi up\`: ${DYNAMIC_ADOPTION[r.backend]}`,
      `- ${a.created.length} resource(s) created by the first \`pulumi up\``,
      `- ${a.leftAlone.length} object(s) of the account left alone (not in the stack)`,
    );
    if (a.differences.length > 0) {
      out.push('', '<details open><summary>Differences: account → plan</summary>', '', '```');
      out.push(...a.differences.map(differenceLine), '```', '', '</details>');
    }
    const list = (title: string, lines: string[]) => {
      if (lines.length > 0)
        out.push('', `<details><summary>${title}: ${lines.length}</summary>`, '', ...lines.map((l) => `- ${l}`), '', '</details>');
    };
    list(
      'Created by the first `pulumi up`',
      a.created.map((c) => `\`${c.name}\` (${kindOf(c.type)})`),
    );
    list(
      'Registered by the first `pulumi up`',
      a.adoptedOnCreate.map((c) => `\`${c.name}\` (${kindOf(c.type)}, \`${c.id}\`)`),
    );
    list(
      'Left alone',
      a.leftAlone.map((l) => cell(objectOf(l.source))),
    );
  }
  if (r.links.length > 0) {
    out.push('', `<details><summary>Links: ${r.links.length} account objects and the resources the YAML renders for them</summary>`, '');
    out.push('| source object | planned resource |', '| --- | --- |');
    for (const l of r.links)
      out.push(
        `| ${cell(objectOf({ type: kindOf(l.type), id: l.id, ...(l.name === undefined ? {} : { name: l.name }) }))} | \`${l.planned}\` |`,
      );
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
