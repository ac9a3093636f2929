/**
 * The reader of the backends' histories the commands use by default (`report incidents`, `report compensation`
 * and `readiness` with a history). Tests give their own.
 */
import type { ReadIncidents } from '../reports/read-history';
import { UsageError } from './usage-error';

export const readIncidentsFromBackend: ReadIncidents = (backend) =>
  Promise.reject(new UsageError(`reading the history of a ${backend} account is not available in this build`));
