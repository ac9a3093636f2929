/**
 * The reader of the backends' histories the commands use by default (`report incidents`, `report compensation`
 * and `readiness` with a history). Tests give their own. What a user can mend (a refused key, an unreadable
 * export, an API error) is a usage error with the reader's message, never a stack trace; the key is in none.
 */
import { ApiError } from '../migrate/http';
import { ExportDirError } from '../migrate/export-dir';
import { IncidentReadError, readIncidents } from '../reports/read-incidents';
import type { ReadIncidents } from '../reports/read-history';
import { UsageError } from './usage-error';

export const readIncidentsFromBackend: ReadIncidents = async (backend, source, since, until) => {
  try {
    return await readIncidents(backend, source, since, until);
  } catch (error) {
    if (error instanceof ApiError || error instanceof ExportDirError || error instanceof IncidentReadError)
      throw new UsageError(`reading the ${backend} history: ${error.message}`);
    throw error;
  }
};
