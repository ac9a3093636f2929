/**
 * The incidents of a window, read from a backend's API with a read-only key or from a directory of JSON exports
 * of the same endpoints: what the operations reports compute their figures from.
 *
 *   readIncidents('pagerduty', { kind: 'api', baseUrl: PAGERDUTY_API, headers }, since, until)
 *   readIncidents('opsgenie', { kind: 'dir', dir: 'exports/opsgenie' }, since, until)
 */
import type { AccountExport, AccountSource } from '../migrate/account';
import { readExportDir } from '../migrate/export-dir';
import type { Backend } from '../render/desired';
import type { IncidentRecord } from './incident-record';
import { DATADOG_API, datadogHeadersFromEnv, datadogIncidents, readDatadogIncidentsExport } from './datadog/read';
import { OPSGENIE_API, opsgenieHeadersFromEnv, opsgenieIncidents, readOpsgenieIncidentsExport } from './opsgenie/read';
import { PAGERDUTY_API, pagerDutyHeadersFromEnv, pagerDutyIncidents, readPagerDutyIncidentsExport } from './pagerduty/read';

export { IncidentReadError } from './read-common';

export interface IncidentReader {
  readonly defaultBaseUrl: string;
  /** Request headers from the environment, or the names of the missing variables. */
  headersFromEnv(env: NodeJS.ProcessEnv): { readonly headers: Record<string, string> } | { readonly missing: readonly string[] };
  /** Reads the endpoints the records come from, as an export (writeExportDir saves it for offline use). */
  readExport(source: Extract<AccountSource, { kind: 'api' }>, since: number, until: number): Promise<AccountExport>;
  /** Pure: the records of an export created in [since, until), oldest first. */
  records(account: AccountExport, since: number, until: number): IncidentRecord[];
}

export const INCIDENT_READERS: Readonly<Record<Backend, IncidentReader>> = {
  pagerduty: {
    defaultBaseUrl: PAGERDUTY_API,
    headersFromEnv: pagerDutyHeadersFromEnv,
    readExport: readPagerDutyIncidentsExport,
    records: pagerDutyIncidents,
  },
  opsgenie: {
    defaultBaseUrl: OPSGENIE_API,
    headersFromEnv: opsgenieHeadersFromEnv,
    readExport: readOpsgenieIncidentsExport,
    records: opsgenieIncidents,
  },
  datadog: {
    defaultBaseUrl: DATADOG_API,
    headersFromEnv: datadogHeadersFromEnv,
    readExport: (source) => readDatadogIncidentsExport(source),
    records: datadogIncidents,
  },
};

export async function readIncidents(backend: Backend, source: AccountSource, since: number, until: number): Promise<IncidentRecord[]> {
  const reader = INCIDENT_READERS[backend];
  const account = source.kind === 'dir' ? readExportDir(backend, source.dir) : await reader.readExport(source, since, until);
  return reader.records(account, since, until);
}
