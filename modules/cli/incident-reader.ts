/**
 * The reader of the backends' histories the commands use by default (`report incidents`, `report compensation`
 * and `readiness` with a history). Tests give their own. What a user can mend (a refused key, an unreachable
 * address, an unreadable export) is said in one line, exit 1, never as a stack trace; the key is in none.
 */
import type { AccountSource } from '../migrate/account';
import { ApiError } from '../migrate/http';
import { ExportDirError } from '../migrate/export-dir';
import type { Backend } from '../render/desired';
import type { IncidentRecord } from '../reports/incident-record';
import { IncidentReadError, readIncidents } from '../reports/read-incidents';
import type { ReadIncidents } from '../reports/read-history';
import type { Io } from './io';

/** The history could not be read: the message says where and why. */
export class HistoryReadError extends Error {}

export const readIncidentsFromBackend: ReadIncidents = async (backend, source, since, until) => {
  try {
    return await readIncidents(backend, source, since, until);
  } catch (error) {
    if (error instanceof ApiError || error instanceof ExportDirError || error instanceof IncidentReadError)
      throw new HistoryReadError(`reading the ${backend} history: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (source.kind === 'dir' && (code === 'ENOENT' || code === 'ENOTDIR'))
      throw new HistoryReadError(`reading the ${backend} history: no directory ${source.dir}`);
    throw error;
  }
};

/** The records, or undefined once the reason they could not be read is written (the command then exits 1). */
export async function readHistoryOrSay(
  read: ReadIncidents,
  history: { readonly backend: Backend; readonly source: AccountSource },
  since: number,
  until: number,
  io: Io,
  command: string,
): Promise<IncidentRecord[] | undefined> {
  try {
    return await read(history.backend, history.source, since, until);
  } catch (error) {
    if (!(error instanceof HistoryReadError)) throw error;
    io.err(`oncall ${command}: ${error.message}`);
    return undefined;
  }
}
