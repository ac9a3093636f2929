/**
 * What a stack needs from the live accounts before its first `pulumi up`, checked read-only: the keys are
 * accepted, every person of the stack's squads has a user on the paging backend (the providers look users up
 * by e-mail), the PagerDuty account has the abilities the plan uses. What no API shows is listed as a manual
 * step. Endpoints and fields follow the vendors' API descriptions (PagerDuty/api-schema
 * reference/REST/openapiv3.json; opsgenie/opsgenie-oas; DataDog/datadog-api-client-typescript
 * .generator/schemas/v1/openapi.yaml and the official client @datadog/datadog-api-client for v2).
 */
import type { Organisation, Squad } from '../../model/types';
import type { StackSpec } from '../../spec/stacks';
import type { Get } from './http';

export type Status = 'ok' | 'failed' | 'manual';

export interface CheckResult {
  readonly check: string;
  readonly status: Status;
  readonly detail: string;
}

export interface Endpoints {
  readonly pagerduty: string;
  readonly opsgenie: string;
  readonly datadog: string;
}

/** Keys by environment variable name, as read by the official providers. */
export type Environment = Readonly<Record<string, string | undefined>>;

function config(stack: StackSpec, key: string): string | undefined {
  const root = stack.yaml.value as { config?: Record<string, unknown> } | null;
  const value = root?.config?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const regionPrefix = (region: string | undefined): string => (!region || region.toLowerCase() === 'us' ? '' : `${region.toLowerCase()}.`);
const trim = (url: string): string => url.replace(/\/+$/, '');
/** `opsgenie:apiUrl` is a bare host for the Opsgenie provider (terraform-provider-opsgenie@v0.6.40 opsgenie/provider.go). */
const host = (value: string): string => (/^https?:\/\//.test(value) ? trim(value) : `https://${trim(value)}`);

/** The API base of each vendor for a stack: its configuration, then the providers' environment variables. */
export function endpointsOf(stack: StackSpec, env: Environment): Endpoints {
  return {
    // terraform-provider-pagerduty@v2.4.0 pagerduty/provider.go: `api_url_override`, else `service_region`.
    pagerduty: trim(
      config(stack, 'pagerduty:apiUrlOverride') ?? `https://api.${regionPrefix(config(stack, 'pagerduty:serviceRegion'))}pagerduty.com`,
    ),
    opsgenie: host(config(stack, 'opsgenie:apiUrl') ?? env.OPSGENIE_API_URL ?? 'api.opsgenie.com'),
    datadog: trim(config(stack, 'datadog:apiUrl') ?? env.DD_HOST ?? env.DATADOG_HOST ?? 'https://api.datadoghq.com'),
  };
}

function squadsOf(org: Organisation, stack: StackSpec): Squad[] {
  return [...org.squads.values()].filter((t) => !t.retired && (!stack.teams || stack.teams.includes(t.id)));
}

function emailsOf(org: Organisation, teams: readonly Squad[]): string[] {
  const ids = new Set(teams.flatMap((t) => [...t.members, ...(t.manager ? [t.manager] : [])]));
  return [...ids].map((id) => org.people.get(id)?.email ?? id).sort();
}

const first = (env: Environment, ...names: string[]): string | undefined =>
  names.map((n) => env[n]).find((v) => v !== undefined && v !== '');

const missingKey = (check: string, names: string[]): CheckResult => ({
  check,
  status: 'failed',
  detail: `no key: set ${names.join(' or ')} (a read-only key is enough)`,
});

function refused(check: string, status: number, what: string): CheckResult {
  const why = status === 401 || status === 403 ? 'the key is refused' : `the API answered ${status}`;
  return { check, status: 'failed', detail: `${what}: ${why}` };
}

async function missingUsers(emails: readonly string[], exists: (email: string) => Promise<boolean>): Promise<string[]> {
  const missing: string[] = [];
  for (const email of emails) if (!(await exists(email))) missing.push(email);
  return missing;
}

function usersResult(check: string, backend: string, emails: readonly string[], missing: readonly string[]): CheckResult {
  return missing.length === 0
    ? { check, status: 'ok', detail: `all ${emails.length} people of the stack have a ${backend} user` }
    : {
        check,
        status: 'failed',
        detail: `${missing.length} of ${emails.length} people have no ${backend} user (invite them first): ${missing.join(', ')}`,
      };
}

async function pagerduty(org: Organisation, teams: readonly Squad[], base: string, env: Environment, get: Get): Promise<CheckResult[]> {
  const token = first(env, 'PAGERDUTY_TOKEN');
  if (!token) return [missingKey('pagerduty/token', ['PAGERDUTY_TOKEN'])];
  // The description requires Content-Type on every request, GET included (components/parameters/header_Content-Type).
  const headers = {
    Authorization: `Token token=${token}`,
    Accept: 'application/vnd.pagerduty+json;version=2',
    'Content-Type': 'application/json',
  };
  const abilities = await get(`${base}/abilities`, headers);
  if (abilities.status !== 200) return [refused('pagerduty/token', abilities.status, 'GET /abilities')];
  const out: CheckResult[] = [{ check: 'pagerduty/token', status: 'ok', detail: 'the token is accepted' }];
  const have = new Set(((abilities.json as { abilities?: unknown })?.abilities as string[] | undefined) ?? []);
  // Ability names: the example of GET /abilities in PagerDuty/api-schema reference/REST/openapiv3.json.
  const needed = new Map<string, string>([['teams', 'squads are PagerDuty teams']]);
  if (teams.some((t) => t.routing.some((r) => r.urgency === 'low'))) needed.set('urgencies', 'a routing rule has `urgency: low`');
  if (teams.some((t) => t.routing.length === 2)) needed.set('service_support_hours', 'routing by hours is rendered as support hours');
  const lacking = [...needed].filter(([a]) => !have.has(a));
  out.push(
    lacking.length === 0
      ? { check: 'pagerduty/abilities', status: 'ok', detail: `the account has ${[...needed.keys()].join(', ')}` }
      : {
          check: 'pagerduty/abilities',
          status: 'failed',
          detail: `the account's plan lacks ${lacking.map(([a, why]) => `\`${a}\` (${why})`).join(', ')}`,
        },
  );
  const emails = emailsOf(org, teams);
  const missing = await missingUsers(emails, async (email) => {
    const answer = await get(`${base}/users?query=${encodeURIComponent(email)}`, headers);
    if (answer.status !== 200) throw new Error(`GET /users answered ${answer.status}`);
    const users = ((answer.json as { users?: Array<{ email?: string }> })?.users ?? []).map((u) => u.email?.toLowerCase());
    return users.includes(email.toLowerCase());
  });
  out.push(usersResult('pagerduty/users', 'PagerDuty', emails, missing));
  return out;
}

async function opsgenie(org: Organisation, teams: readonly Squad[], base: string, env: Environment, get: Get): Promise<CheckResult[]> {
  const key = first(env, 'OPSGENIE_API_KEY');
  if (!key) return [missingKey('opsgenie/key', ['OPSGENIE_API_KEY'])];
  const headers = { Authorization: `GenieKey ${key}` };
  const account = await get(`${base}/v2/account`, headers);
  if (account.status !== 200) return [refused('opsgenie/key', account.status, `GET /v2/account on ${new URL(base).host}`)];
  const name = (account.json as { data?: { name?: string } })?.data?.name;
  const out: CheckResult[] = [{ check: 'opsgenie/key', status: 'ok', detail: `the key is accepted${name ? ` (account ${name})` : ''}` }];
  const emails = emailsOf(org, teams);
  const missing = await missingUsers(emails, async (email) => {
    const answer = await get(`${base}/v2/users/${encodeURIComponent(email)}`, headers);
    if (answer.status === 404) return false;
    if (answer.status !== 200) throw new Error(`GET /v2/users/{identifier} answered ${answer.status}`);
    return true;
  });
  out.push(usersResult('opsgenie/users', 'Opsgenie', emails, missing));
  return out;
}

async function datadog(
  org: Organisation,
  teams: readonly Squad[],
  stack: StackSpec,
  base: string,
  env: Environment,
  get: Get,
): Promise<CheckResult[]> {
  const apiKey = first(env, 'DD_API_KEY', 'DATADOG_API_KEY');
  const appKey = first(env, 'DD_APP_KEY', 'DATADOG_APP_KEY');
  if (!apiKey) return [missingKey('datadog/keys', ['DD_API_KEY', 'DATADOG_API_KEY'])];
  const validate = await get(`${base}/api/v1/validate`, { 'DD-API-KEY': apiKey });
  if (validate.status !== 200) return [refused('datadog/keys', validate.status, `GET /api/v1/validate on ${new URL(base).host}`)];
  const out: CheckResult[] = [{ check: 'datadog/keys', status: 'ok', detail: `the API key is accepted by ${new URL(base).host}` }];
  if (stack.backend !== 'datadog') return out;
  if (!appKey) return [...out, missingKey('datadog/users', ['DD_APP_KEY', 'DATADOG_APP_KEY'])];
  const headers = { 'DD-API-KEY': apiKey, 'DD-APPLICATION-KEY': appKey };
  const emails = emailsOf(org, teams);
  const missing = await missingUsers(emails, async (email) => {
    const answer = await get(`${base}/api/v2/users?filter=${encodeURIComponent(email)}`, headers);
    if (answer.status !== 200) throw new Error(`GET /api/v2/users answered ${answer.status}`);
    const users = (answer.json as { data?: Array<{ attributes?: { email?: string; disabled?: boolean } }> })?.data ?? [];
    return users.some((u) => u.attributes?.email?.toLowerCase() === email.toLowerCase() && u.attributes.disabled !== true);
  });
  out.push(usersResult('datadog/users', 'Datadog', emails, missing));
  return out;
}

/** Steps no read-only API call can confirm, for the stack's backend. */
export function manualSteps(stack: StackSpec): CheckResult[] {
  const steps: Record<StackSpec['backend'], string[]> = {
    pagerduty: [
      'install the PagerDuty integration tile in Datadog (Integrations → PagerDuty, with the account subdomain): the Datadog service objects of the plan need it',
    ],
    opsgenie: [
      'install the Opsgenie integration tile in Datadog (Integrations → Opsgenie): the Datadog service objects of the plan need it',
    ],
    datadog: ['enable Datadog On-Call for the organisation and give the application key the On-Call scopes'],
  };
  return steps[stack.backend].map((detail) => ({ check: 'manual', status: 'manual', detail }));
}

/** Every check of a stack, in order; an unreachable API is a failed check, not a crash. */
export async function doctorChecks(org: Organisation, stack: StackSpec, env: Environment, get: Get): Promise<CheckResult[]> {
  const teams = squadsOf(org, stack);
  const bases = endpointsOf(stack, env);
  const guarded = async (check: string, run: () => Promise<CheckResult[]>): Promise<CheckResult[]> => {
    try {
      return await run();
    } catch (err) {
      return [{ check, status: 'failed', detail: err instanceof Error ? err.message : String(err) }];
    }
  };
  const out: CheckResult[] = [];
  if (stack.backend === 'pagerduty') out.push(...(await guarded('pagerduty', () => pagerduty(org, teams, bases.pagerduty, env, get))));
  if (stack.backend === 'opsgenie') out.push(...(await guarded('opsgenie', () => opsgenie(org, teams, bases.opsgenie, env, get))));
  out.push(...(await guarded('datadog', () => datadog(org, teams, stack, bases.datadog, env, get))));
  return [...out, ...manualSteps(stack)];
}
