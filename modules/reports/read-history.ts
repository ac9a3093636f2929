/** How the reports read a backend's history: one function per backend reader, the same for every command. */
import type { AccountSource } from '../migrate/account';
import type { Backend } from '../render/desired';
import type { IncidentRecord } from './incident-record';

/** Pages created in [since, until) (epoch ms), read from the backend's API or a directory of JSON exports. */
export type ReadIncidents = (backend: Backend, source: AccountSource, since: number, until: number) => Promise<IncidentRecord[]>;
