/**
 * A Datadog synthetic API test as an alert: an HTTP test (`subtype: http`) as an `http-check`, a multistep
 * API test of HTTP steps (`subtype: multi`) as a `multistep-check`. Browser and mobile tests, and API tests of
 * other subtypes (ssl, dns, tcp, icmp, grpc, websocket, udp), are findings: the schema has no kind for them.
 * Field names: DataDog/datadog-api-client-typescript@a6d174205 .generator/schemas/v1/openapi.yaml
 * (`SyntheticsTestDetailsWithoutSteps`, `SyntheticsAPITest`, `SyntheticsAssertionTarget`, `SyntheticsAPITestStep`).
 */
import { parseDuration } from '../../core/duration';
import { ALERT_DEFAULTS } from '../../model/alert-defaults';
import type { Organisation } from '../../model/types';
import type { ImportFinding, SourceObject } from '../account';
import type { ApiAssertion, ApiRequest, ApiStep, ApiSyntheticsTest } from './api-types';
import { commonFields, minutesText, secondsText, squadOfTags, type AlertDraftSpec, type Converted, type ImportOptions } from './draft';
import { parseMessage } from './message';

type Finding = (what: string, why: string, kind?: ImportFinding['kind']) => void;
type Expect = NonNullable<AlertDraftSpec['expect']>;
type Request = NonNullable<AlertDraftSpec['request']>;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const REQUEST_FIELDS = new Set(['method', 'url', 'body', 'headers']);
const OPTION_FIELDS = new Set(['tick_every', 'min_location_failed', 'retry', 'monitor_priority', 'monitor_name', 'monitor_options']);

function request(r: ApiRequest | undefined, where: string, finding: Finding): Request | undefined {
  if (!r?.url || !/^https?:\/\/\S+$/.test(r.url)) {
    finding(`${where}request`, 'no http(s) URL', 'dropped');
    return undefined;
  }
  const out: Request = { url: r.url };
  const method = (r.method ?? 'GET').toUpperCase();
  if (!METHODS.includes(method)) finding(`${where}method ${method}`, 'imported as GET');
  else if (method !== 'GET') out.method = method as Request['method'];
  if (r.headers && Object.keys(r.headers).length > 0) out.headers = { ...r.headers };
  if (typeof r.body === 'string' && r.body !== '') out.body = r.body;
  // The provider sends some settings at their defaults (off, 0): only the others are findings.
  const unset = (v: unknown) => v === undefined || v === null || v === false || v === 0 || v === '';
  for (const key of Object.keys(r).filter((k) => !REQUEST_FIELDS.has(k) && !unset(r[k])))
    finding(`${where}request ${key}`, 'the YAML has no such request setting', 'dropped');
  return out;
}

function expectation(assertions: readonly ApiAssertion[] | undefined, where: string, finding: Finding): Expect {
  const out: Expect = {};
  for (const a of assertions ?? []) {
    const target = a.target;
    if (a.type === 'statusCode' && a.operator === 'is' && Number.isInteger(Number(target))) out.status = Number(target);
    else if (a.type === 'body' && a.operator === 'contains' && typeof target === 'string' && target !== '') out.bodyContains = target;
    else if (a.type === 'responseTime' && a.operator === 'lessThan' && Number.isFinite(Number(target))) {
      const seconds = Math.ceil(Number(target) / 1000);
      if (seconds * 1000 !== Number(target))
        finding(`${where}response time under ${String(target)} ms`, `the YAML counts whole seconds: ${seconds}s`);
      out.maxResponseTime = secondsText(seconds);
    } else
      finding(
        `${where}assertion ${a.type} ${a.operator ?? ''} ${JSON.stringify(target ?? null)}`.trimEnd(),
        'the YAML checks the status, a text of the body and the response time',
        'dropped',
      );
  }
  if (out.status === undefined && (assertions ?? []).length > 0 && !(assertions ?? []).some((a) => a.type === 'statusCode'))
    finding(`${where}status`, 'no status assertion: the check expects 200');
  if (out.status === ALERT_DEFAULTS.status) delete out.status;
  return out;
}

function step(s: ApiStep, i: number, finding: Finding): NonNullable<AlertDraftSpec['steps']>[number] | undefined {
  const where = `step ${i + 1}: `;
  if ((s.subtype ?? 'http') !== 'http') {
    finding(`${where}${s.subtype ?? ''} step`, 'the YAML has HTTP steps only', 'dropped');
    return undefined;
  }
  const r = request(s.request, where, finding);
  if (!r) return undefined;
  const out: NonNullable<AlertDraftSpec['steps']>[number] = { name: (s.name ?? `step ${i + 1}`).slice(0, 500), request: r };
  const e = expectation(s.assertions, where, finding);
  if (Object.keys(e).length > 0) out.expect = e;
  const extract: Record<string, string> = {};
  for (const v of s.extractedValues ?? []) {
    if (
      v.type === 'http_body' &&
      v.parser?.type === 'json_path' &&
      v.name &&
      /^[A-Z][A-Z0-9_]*$/.test(v.name) &&
      v.parser.value?.startsWith('$')
    )
      extract[v.name] = v.parser.value;
    else finding(`${where}extracted value ${v.name ?? ''}`, 'the YAML extracts JSON paths of the body only', 'dropped');
  }
  if (Object.keys(extract).length > 0) out.extract = extract;
  return out;
}

function checkOptions(t: ApiSyntheticsTest, spec: AlertDraftSpec, finding: Finding): void {
  const o = t.options ?? {};
  const every = o.tick_every ?? ALERT_DEFAULTS.every.seconds;
  if (every !== ALERT_DEFAULTS.every.seconds) spec.every = secondsText(every);
  const locations = [...(t.locations ?? [])];
  if (locations.length > 0 && locations.join() !== ALERT_DEFAULTS.locations.join()) spec.locations = locations;
  if ((o.min_location_failed ?? 1) !== 1) finding('failing locations', 'the check alerts when one location fails');
  if (o.retry && (o.retry.count !== 1 || o.retry.interval !== 300)) finding('retries', 'the check retries once after 300 s');
  if (o.monitor_name !== undefined && o.monitor_name !== t.name) finding('monitor name', "the check's monitor takes the check's name");
  const renotify = o.monitor_options?.renotify_interval ?? 0;
  const message = o.monitor_options?.escalation_message;
  if (renotify > 0) {
    const typed = /^Still unresolved after (\S+): /.exec(message ?? '')?.[1];
    spec.renotify = typed !== undefined && parseDuration(typed)?.seconds === renotify * 60 ? typed : minutesText(renotify);
    if (message && typed === undefined) finding('escalation message', 'rebuilt from the alert when it renotifies');
  }
  for (const key of Object.keys(o).filter((k) => !OPTION_FIELDS.has(k) && o[k] !== undefined && o[k] !== null))
    finding(`option ${key}`, 'the YAML has no such check setting: the default applies', 'dropped');
  if (t.status === 'paused') finding('paused', 'checks render live');
}

export function syntheticAlert(
  org: Organisation,
  t: ApiSyntheticsTest,
  details: ApiSyntheticsTest | undefined,
  options: ImportOptions = {},
): Converted {
  const source: SourceObject = { backend: 'datadog', type: 'synthetics test', id: t.public_id, ...(t.name ? { name: t.name } : {}) };
  const findings: ImportFinding[] = [];
  const finding: Finding = (what, why, kind = 'approximated') => findings.push({ source, what, why, kind });
  const tags = t.tags ?? [];
  const { squad, team } = squadOfTags(org, tags);
  if (!squad) {
    finding(
      'the whole test',
      team === undefined ? 'no `team:` tag names its squad' : `\`team:${team}\` is not a squad of the organisation`,
      'dropped',
    );
    return { findings };
  }
  if (t.type !== 'api' || (t.subtype !== 'http' && t.subtype !== 'multi')) {
    finding(
      'the whole test',
      `the YAML has no kind for ${t.type ?? 'unknown'} tests${t.type === 'api' ? ` of subtype ${t.subtype ?? 'unknown'}` : ''}`,
      'dropped',
    );
    return { findings };
  }
  const message = parseMessage(t.message);
  const spec = commonFields(
    org,
    squad,
    source,
    { name: t.name ?? t.public_id, priority: t.options?.monitor_priority, tags, message },
    findings,
    options,
  );
  if (!spec) return { findings };
  if (t.subtype === 'http') {
    const r = request(t.config?.request, '', finding);
    if (!r) return { findings };
    spec.kind = 'http-check';
    spec.request = r;
    const e = expectation(t.config?.assertions, '', finding);
    if (Object.keys(e).length > 0) spec.expect = e;
  } else {
    const steps = (details ?? t).config?.steps;
    if (!steps || steps.length === 0) {
      finding('the whole test', 'its steps were not read (GET /api/v1/synthetics/tests/api/{public_id})', 'dropped');
      return { findings };
    }
    const read = steps.map((s, i) => step(s, i, finding));
    if (read.some((s) => s === undefined)) {
      finding('the whole test', 'a step the YAML cannot write', 'dropped');
      return { findings };
    }
    spec.kind = 'multistep-check';
    const [first, ...more] = read.filter((s) => s !== undefined);
    if (!first) return { findings };
    if (more.length > 19) finding('steps after the 20th', 'a multistep check has 20 steps at most', 'dropped');
    spec.steps = [first, ...more.slice(0, 19)];
  }
  checkOptions(t, spec, finding);
  return {
    draft: { squad: squad.id, wantedId: tags.find((x) => x.startsWith('alert-id:'))?.slice(9), alert: spec, source, suffix: '-check' },
    findings,
  };
}
