/** What PagerDuty cannot express of a service's promise (see ./promise.ts), as `validate` problems. */
import type { Squad } from '../../model/types';
import { at, type AddProblem } from '../../render/limit-problems';
import { promiseHours } from './promise';

export function pagerdutyPromiseConstraints(team: Squad, label: string, add: AddProblem): void {
  for (const service of team.services.values()) {
    const promise = service.promise;
    if (service.retired || !promise || promise.coverage.kind === 'always') continue;
    if (!promiseHours(promise)) {
      add(
        at(
          promise.source,
          'error',
          'backend/pagerduty-promise-hours',
          `${label} support hours are the same hours on some days, within one day: neither the promise of \`${service.id}\` nor the rest of the week is`,
        ),
      );
    } else if (promise.outsideCoverage === 'none') {
      add(
        at(
          promise.source,
          'warning',
          'backend/pagerduty-outside-coverage',
          `${label} has no urgency that pages nobody: outside its promise \`${service.id}\` pages at low urgency, which rings as each person's low-urgency notification rules say`,
        ),
      );
    }
  }
}
