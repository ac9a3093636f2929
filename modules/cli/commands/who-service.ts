import type { Organisation } from '../../model/types';
import { servicePageAt } from '../../schedule/service-paging';
import { formatServicePageJson, formatServicePageText } from '../format/who-service';
import type { Io } from '../io';
import { UsageError, EXIT_OK } from '../usage-error';

/** `who --service ID`: whom an alert of the service pages at `at`. */
export function whoForService(org: Organisation, id: string, at: number, format: 'text' | 'json', io: Io): number {
  const service = org.services.get(id);
  if (!service) throw new UsageError(`unknown service \`${id}\`; services: ${[...org.services.keys()].join(', ')}`);
  const page = servicePageAt(org, service, at);
  io.out(format === 'json' ? formatServicePageJson(page) : formatServicePageText(org, page, at));
  return EXIT_OK;
}
