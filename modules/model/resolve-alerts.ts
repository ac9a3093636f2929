import { posix } from 'node:path';
import { didYouMean } from '../core/suggest';
import { parseDuration } from '../core/duration';
import { isReadinessCheck, READINESS_CHECKS } from '../core/readiness-checks';
import type { SpecFile } from '../spec/load-tree';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import type { AlertKind, AlertSpec, ServiceSpec } from '../spec/types';
import type { SourceTree } from '../spec/source';
import { checkDate, checkDuration, checkUrl } from './checks-common';
import { reportDuplicate, sourceOf, type Reporter } from './reporter';
import type { ResolvedOrg } from './resolve-org';
import type { Alert, Runbook, Service, Source } from './types';

/** Fields that only make sense for some kinds; anything else set on an alert of another kind is an error. */
const KIND_FIELDS: Record<AlertKind, ReadonlyArray<keyof AlertSpec>> = {
  metric: ['query', 'window', 'thresholds', 'noData'],
  log: ['query', 'window', 'thresholds', 'noData'],
  // A service check counts check runs (`thresholds`), not time: no `window`.
  'service-check': ['query', 'thresholds', 'noData'],
  'http-check': ['request', 'expect', 'every', 'locations'],
  'multistep-check': ['steps', 'every', 'locations'],
  slo: ['slo'],
};
const KIND_SPECIFIC = new Set(Object.values(KIND_FIELDS).flat());

export function resolveServices(r: Reporter, file: YamlFile, team: string, specs: Record<string, ServiceSpec>): Map<string, Service> {
  const out = new Map<string, Service>();
  for (const [id, s] of Object.entries(specs)) {
    const statusPage = typeof s.statusPage === 'string' ? { name: s.statusPage } : s.statusPage;
    out.set(id, {
      id,
      team,
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
  readonly team: string;
  readonly tree: SourceTree;
  readonly org: ResolvedOrg;
  readonly services: ReadonlyMap<string, Service>;
  readonly escalationIds: readonly string[];
}

export function resolveAlert(ctx: AlertContext, file: YamlFile, base: readonly PathSegment[], id: string, spec: AlertSpec): Alert | undefined {
  const { r } = ctx;
  const at = (...p: PathSegment[]): PathSegment[] => [...base, id, ...p];
  let ok = true;
  for (const field of KIND_SPECIFIC) {
    if (spec[field] !== undefined && !KIND_FIELDS[spec.kind].includes(field)) {
      const kinds = (Object.keys(KIND_FIELDS) as AlertKind[]).filter((k) => KIND_FIELDS[k].includes(field));
      r.error(file, at(field), 'alert/field-not-for-kind', `\`${field}\` does not apply to kind \`${spec.kind}\` (only to ${kinds.map((k) => `\`${k}\``).join(', ')})`, true);
      ok = false;
    }
  }

  let service = spec.service;
  if (service === undefined) {
    if (ctx.services.size === 1) service = [...ctx.services.keys()][0];
    else {
      r.error(file, at(), 'alert/missing-service', ctx.services.size === 0 ? 'the alert needs a service: add `services` to the squad' : 'name the `service` this alert watches: the squad has several', true);
      ok = false;
    }
  } else if (!ctx.services.has(service)) {
    r.error(file, at('service'), 'ref/unknown-service', `unknown service \`${service}\` of squad \`${ctx.team}\`${didYouMean(service, ctx.services.keys())}`);
    ok = false;
  }
  if (spec.escalation !== undefined && !ctx.escalationIds.includes(spec.escalation)) {
    r.error(file, at('escalation'), 'ref/unknown-escalation', `unknown escalation policy \`${spec.escalation}\`${didYouMean(spec.escalation, ctx.escalationIds)}`);
    ok = false;
  }

  const duration = (field: PathSegment[], text: string | undefined, min: number, max?: number): void => {
    if (text !== undefined && checkDuration(r, file, field, text, { minSeconds: min, maxSeconds: max }) === undefined) ok = false;
  };
  duration(at('window'), spec.window, 60, 7 * 86400);
  duration(at('every'), spec.every, 30, 7 * 86400);
  duration(at('renotify'), spec.renotify, 60);
  duration(at('noData'), spec.noData, 60);
  duration(at('expect', 'maxResponseTime'), spec.expect?.maxResponseTime, 1);

  if (spec.request && !checkUrl(r, file, at('request', 'url'), spec.request.url)) ok = false;
  spec.steps?.forEach((s, i) => {
    if (!checkUrl(r, file, at('steps', i, 'request', 'url'), s.request.url)) ok = false;
    duration(at('steps', i, 'expect', 'maxResponseTime'), s.expect?.maxResponseTime, 1);
  });
  spec.dashboards?.forEach((d, i) => {
    if (!checkUrl(r, file, at('dashboards', i), d)) ok = false;
  });
  spec.silence?.forEach((s, i) => {
    if (!checkDate(r, file, at('silence', i, 'until'), s.until)) ok = false;
    if (!isReadinessCheck(s.check)) {
      r.error(file, at('silence', i, 'check'), 'ref/unknown-check', `unknown readiness check \`${s.check}\`${didYouMean(s.check, Object.keys(READINESS_CHECKS))}`);
      ok = false;
    }
  });

  if (!checkQueryShape(r, file, at, spec)) ok = false;

  const runbook = spec.runbook === undefined ? undefined : resolveRunbook(ctx, file, at('runbook'), spec.runbook);
  if (spec.runbook !== undefined && !runbook) ok = false;

  if (!ok || service === undefined) return undefined;
  return {
    id,
    team: ctx.team,
    service,
    title: spec.title,
    severity: spec.severity,
    kind: spec.kind,
    page: spec.page ?? ctx.org.readiness.pagingSeverities.includes(spec.severity),
    escalation: spec.escalation,
    runbook,
    spec,
    retired: spec.retired ?? false,
    source: sourceOf(file, at()),
  };
}

/**
 * What `query` holds for each monitor kind: the part the renderer does not write itself (see README, "Alerts as
 * code"). A full Datadog monitor query where only its search or metric is expected would be wrapped twice.
 * Query forms: DataDog/datadog-api-client-typescript .generator/schemas/v1/openapi.yaml, `CreateMonitor`
 * ("Query Types").
 */
function checkQueryShape(r: Reporter, file: YamlFile, at: (...p: PathSegment[]) => PathSegment[], spec: AlertSpec): boolean {
  const query = spec.query?.trim();
  const problem = (path: PathSegment[], message: string): false => {
    r.error(file, path, 'alert/query-shape', message);
    return false;
  };
  if (query === undefined) return true;
  if (spec.kind === 'metric' && /^[a-z_]+\(\s*last_/i.test(query)) {
    return problem(at('query'), 'write only the metric query (`avg:system.cpu.user{*} by {host}`): the time aggregation over `window` and the comparison with `thresholds.critical` are added to it');
  }
  if (spec.kind === 'log') {
    if (/^logs\s*\(/.test(query)) return problem(at('query'), 'write only the log search, as in the Log Explorer (`service:shop status:error`): `logs(…).index(…).rollup(…).last(window)` and the comparison are added to it');
    const seconds = spec.window === undefined ? 300 : parseDuration(spec.window)?.seconds;
    if (seconds !== undefined && seconds > 48 * 3600) return problem(at('window'), 'a log alert looks back 48 hours at most');
  }
  if (spec.kind === 'service-check') {
    if (/\.last\s*\(|count_by_status/.test(query)) return problem(at('query'), 'write the check name, optionally with `.over(…)` and `.by(…)` (`"http.can_connect".over("instance:shop")`): `.last(N).count_by_status()` is added from `thresholds`');
    if (/^"/.test(query) ? !/^"[^"]+"(\.(over|by)\((\s*"[^"]*"\s*,?)+\))*$/.test(query) : !/^[A-Za-z0-9_.-]+$/.test(query)) {
      return problem(at('query'), 'a service check is named by its check (`http.can_connect`), or written `"check".over("tag:value").by("host")`');
    }
    for (const level of ['critical', 'warning'] as const) {
      const t = spec.thresholds?.[level];
      if (t !== undefined && !/^>=? ?[0-9]+$/.test(t.trim())) return problem(at('thresholds', level), 'a service check threshold counts failing check runs: `>= 3` (or `> 2`) alerts on the third');
    }
  }
  return true;
}

function resolveRunbook(ctx: AlertContext, file: YamlFile, path: readonly PathSegment[], text: string): Runbook | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    return checkUrl(ctx.r, file, path, text) ? { kind: 'url', url: text } : undefined;
  }
  const rel = posix.normalize(posix.join(ctx.team, text));
  if (text.startsWith('/') || rel.startsWith('..') || !rel.startsWith(`${ctx.team}/`)) {
    ctx.r.error(file, path, 'ref/runbook-outside', `runbook \`${text}\` must be a file inside the squad's folder (such as \`runbooks/x.md\`) or an https URL`);
    return undefined;
  }
  const contents = ctx.tree.files.get(rel);
  if (contents === undefined && ctx.tree.faults?.has(rel)) return undefined; // reported as what it is
  if (contents === undefined) {
    const candidates = [...ctx.tree.files.keys()].filter((f) => f.startsWith(`${ctx.team}/`) && f.endsWith('.md')).map((f) => f.slice(ctx.team.length + 1));
    ctx.r.error(file, path, 'ref/missing-runbook', `runbook \`${text}\` does not exist in the squad's folder${didYouMean(text, candidates)}`);
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
  alertFiles: ReadonlyArray<SpecFile<{ alerts: Record<string, AlertSpec> }>>,
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
