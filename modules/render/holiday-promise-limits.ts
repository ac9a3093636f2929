/**
 * A service's promise read with public holidays as off-hours (`holidays.offHours`) changes on a holiday: an HNO
 * contract is covered all day, a business-hours one not at all. Backends route a service by weekday and time of
 * day only (PagerDuty support hours; Opsgenie and Datadog On-Call time restrictions: no dates at the pinned
 * provider tags), and unlike a rotation's person, a policy or an urgency cannot be changed by a dated override.
 * Such a stack would page the service on a holiday as on an ordinary weekday: refused, at the promise.
 */
import type { Organisation, Squad } from '../model/types';
import { at, type AddProblem } from './limit-problems';

export function holidayPromiseLimits(org: Organisation, team: Squad, label: string, add: AddProblem): void {
  if (!org.holidays.offHours) return;
  for (const service of team.services.values()) {
    const promise = service.promise;
    if (service.retired || !promise || promise.coverage.holidays === undefined) continue;
    const onHoliday = promise.coverage.kind === 'off-hours' ? 'covered all day' : 'not covered';
    add({
      ...at(
        promise.source,
        'error',
        'backend/holiday-promise',
        `${label} cannot follow public holidays for \`${service.id}\`: with \`holidays.offHours\` its \`${promise.coverage.kind}\` promise changes on a holiday (${onHoliday}), but the backend routes a service by weekday and time only, so it would page it on a holiday as on an ordinary weekday`,
      ),
      suggestion: 'promise `always` (or custom windows), or leave `holidays.offHours` out',
    });
  }
}
