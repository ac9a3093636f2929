import { posix } from 'node:path';
import { didYouMean, hinted } from '../core/suggest';
import { parseDuration, type Duration } from '../core/duration';
import { isReadinessCheck, READINESS_CHECKS } from '../core/readiness-checks';
import type { SpecFile } from '../spec/load-tree';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { AlertsFileSpec, AlertSpec, ServiceSpec } from '../spec/types';
import type { SourceTree } from '../spec/source';
import { ALERT_KINDS, KIND_FIELDS, KIND_SPECIFIC, kindFields, type AlertDurations } from './alert-kinds';
import { checkQueryShape } from './alert-query-shape';
import { checkDate, checkDuration, checkUrl } from './checks-common';
import { reportDuplicate, sourceOf, type Reporter } from './reporter';
import type { ResolvedOrg } from './resolve-org';
import type { Alert, Runbook, Service, Silence, Source } from './types';

export function resolveServices(r: Reporter, file: YamlFile, team: string, specs: Record<string, ServiceSpec>): Map<string, Service> {
  const out = new Map<string, Service>();
  for (const [id, s] of Object.entries(specs)) {
    const statusPage = typeof s.statusPage === 'string' ? { name: s.statusPage } : s.statusPage;
    out.set(id, {
      id,
      squad: team,
      name: s.name ?? id,
      description: s.description,
      statusPage,
      retired: s.retired ?? false,
      source: sourceOf(file, ['services', id]),
    });
  }
  return out;
}

export interface AlertContext {
  readonly r: Reporter;
  readonly squad: string;
  readonly tree: SourceTree;
  readonly org: ResolvedOrg;
  readonly services: ReadonlyMap<string, Service>;
  readonly escalationIds: readonly string[];
}

export function resolveAlert(
  ctx: AlertContext,
  file: YamlFile,
  base: readonly PathSegment[],
  id: string,
  spec: AlertSpec,
): Alert | undefined {
  const { r } = ctx;
  const at = (...p: PathSegment[]): PathSegment[] => [...base, id, ...p];
  let ok = true;
  for (const field of KIND_SPECIFIC) {
    if (spec[field] !== undefined && !KIND_FIELDS[spec.kind].includes(field)) {
      const kinds = ALERT_KINDS.filter((k) => KIND_FIELDS[k].includes(field));
      r.error(
        file,
        at(field),
        'alert/field-not-for-kind',
        `\`${field}\` does not apply to kind \`${spec.kind}\` (only to ${kinds.map((k) => `\`${k}\``).join(', ')})`,
        true,
      );
      ok = false;
    }
  }

  let service = spec.service;
  if (service === undefined) {
    if (ctx.services.size === 1) service = [...ctx.services.keys()][0];
    else {
      r.error(
        file,
        at(),
        'alert/missing-service',
        ctx.services.size === 0
          ? 'the alert needs a service: add `services` to the squad'
          : 'name the `service` this alert watches: the squad has several',
        true,
      );
      ok = false;
    }
  } else if (!ctx.services.has(service)) {
    r.error(
      file,
      at('service'),
      'ref/unknown-service',
      hinted(`unknown service \`${service}\` of squad \`${ctx.squad}\``, didYouMean(service, ctx.services.keys())),
    );
    ok = false;
  }
  if (spec.escalation !== undefined && !ctx.escalationIds.includes(spec.escalation)) {
    r.error(
      file,
      at('escalation'),
      'ref/unknown-escalation',
      hinted(`unknown escalation policy \`${spec.escalation}\``, didYouMean(spec.escalation, ctx.escalationIds)),
    );
    ok = false;
  }

  /** The parsed duration; undefined when absent or reported. */
  const duration = (field: PathSegment[], text: string | undefined, min: number, max?: number): Duration | undefined => {
    if (text === undefined) return undefined;
    if (checkDuration(r, file, field, text, { minSeconds: min, maxSeconds: max }) === undefined) {
      ok = false;
      return undefined;
    }
    return parseDuration(text);
  };
  const durations: AlertDurations = {
    window: duration(at('window'), spec.window, 60, 7 * 86400),
    every: duration(at('every'), spec.every, 30, 7 * 86400),
    renotify: duration(at('renotify'), spec.renotify, 60),
    noData: duration(at('noData'), spec.noData, 60),
    maxResponseTime: duration(at('expect', 'maxResponseTime'), spec.expect?.maxResponseTime, 1),
    steps: [],
  };

  if (spec.request && !checkUrl(r, file, at('request', 'url'), spec.request.url)) ok = false;
  spec.steps?.forEach((s, i) => {
    if (!checkUrl(r, file, at('steps', i, 'request', 'url'), s.request.url)) ok = false;
    durations.steps.push(duration(at('steps', i, 'expect', 'maxResponseTime'), s.expect?.maxResponseTime, 1));
  });
  spec.dashboards?.forEach((d, i) => {
    if (!checkUrl(r, file, at('dashboards', i), d)) ok = false;
  });
  const silences: Silence[] = [];
  spec.silence?.forEach((s, i) => {
    if (!checkDate(r, file, at('silence', i, 'until'), s.until)) ok = false;
    if (!isReadinessCheck(s.check)) {
      r.error(
        file,
        at('silence', i, 'check'),
        'ref/unknown-check',
        hinted(`unknown readiness check \`${s.check}\``, didYouMean(s.check, Object.keys(READINESS_CHECKS))),
      );
      ok = false;
    } else silences.push({ check: s.check, reason: s.reason, until: s.until });
  });

  if (!checkQueryShape(r, file, at, spec)) ok = false;

  const runbook = spec.runbook === undefined ? undefined : resolveRunbook(ctx, file, at('runbook'), spec.runbook);
  if (spec.runbook !== undefined && !runbook) ok = false;

  if (!ok || service === undefined) return undefined;
  const fields = kindFields(spec, durations);
  if (!fields) return undefined; // what the kind requires is missing or malformed: the schema reported it
  return {
    id,
    squad: ctx.squad,
    service,
    title: spec.title,
    severity: spec.severity,
    description: spec.description,
    page: spec.page ?? ctx.org.readiness.pagingSeverities.includes(spec.severity),
    escalation: spec.escalation,
    runbook,
    dashboards: spec.dashboards ?? [],
    tags: spec.tags ?? [],
    notify: spec.notify ?? [],
    renotify: durations.renotify,
    silences,
    retired: spec.retired ?? false,
    source: sourceOf(file, at()),
    ...fields,
  };
}

function resolveRunbook(ctx: AlertContext, file: YamlFile, path: readonly PathSegment[], text: string): Runbook | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    return checkUrl(ctx.r, file, path, text) ? { kind: 'url', url: text } : undefined;
  }
  const rel = posix.normalize(posix.join(ctx.squad, text));
  if (text.startsWith('/') || rel.startsWith('..') || !rel.startsWith(`${ctx.squad}/`)) {
    ctx.r.error(
      file,
      path,
      'ref/runbook-outside',
      `runbook \`${text}\` must be a file inside the squad's folder (such as \`runbooks/x.md\`) or an https URL`,
    );
    return undefined;
  }
  const contents = ctx.tree.files.get(rel);
  if (contents === undefined && ctx.tree.faults?.has(rel)) return undefined; // reported as what it is
  if (contents === undefined) {
    const candidates = [...ctx.tree.files.keys()]
      .filter((f) => f.startsWith(`${ctx.squad}/`) && f.endsWith('.md'))
      .map((f) => f.slice(ctx.squad.length + 1));
    ctx.r.error(
      file,
      path,
      'ref/missing-runbook',
      hinted(`runbook \`${text}\` does not exist in the squad's folder`, didYouMean(text, candidates)),
    );
    return undefined;
  }
  if (!rel.endsWith('.md')) {
    ctx.r.error(file, path, 'ref/runbook-not-markdown', `runbook \`${text}\` must be a markdown file (.md)`);
    return undefined;
  }
  return { kind: 'file', path: rel, text: contents };
}

/** Alerts of team.yaml and alerts/*.yaml, with ids unique across the organisation. */
export function resolveAlerts(
  ctx: AlertContext,
  teamFile: YamlFile,
  teamAlerts: Record<string, AlertSpec> | undefined,
  alertFiles: ReadonlyArray<SpecFile<AlertsFileSpec>>,
  seen: Map<string, Source>,
): Map<string, Alert> {
  const out = new Map<string, Alert>();
  const sources: Array<[YamlFile, Record<string, AlertSpec>]> = [];
  if (teamAlerts) sources.push([teamFile, teamAlerts]);
  for (const f of alertFiles) sources.push([f.yaml, f.spec.alerts]);
  for (const [file, alerts] of sources) {
    for (const [id, spec] of Object.entries(alerts)) {
      const source = sourceOf(file, ['alerts', id]);
      const previous = seen.get(id);
      if (previous) {
        reportDuplicate(ctx.r, `alert id \`${id}\``, previous, source, '; alert ids are unique across the organisation');
        continue;
      }
      seen.set(id, source);
      const alert = resolveAlert(ctx, file, ['alerts'], id, spec);
      if (alert) out.set(id, alert);
    }
  }
  return out;
}
