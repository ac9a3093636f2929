/** What Opsgenie cannot express, as `validate` problems (see modules/render/backend-constraints.ts). */
import type { Organisation, Squad } from '../../model/types';
import { alertEscalations, at, type AddProblem } from '../../render/limit-problems';

export function opsgenieConstraints(org: Organisation, team: Squad, label: string, add: AddProblem): void {
  alertEscalations(org, team, label, 'backend/opsgenie-alert-escalation', add);
  const half = (m: number) => m % 30 === 0;
  for (const rotation of team.rotations.values()) {
    if (rotation.retired) continue;
    if (!half(rotation.handoffMinute)) {
      add(
        at(
          rotation.source,
          'error',
          'backend/opsgenie-half-hour',
          `${label} hands over only at minute 0 or 30 and silently rounds others: \`${rotation.id}\` hands over at ${String(Math.floor(rotation.handoffMinute / 60)).padStart(2, '0')}:${String(rotation.handoffMinute % 60).padStart(2, '0')}`,
        ),
      );
    }
    if (rotation.coverage.intervals.some(([s, e]) => !half(s) || !half(e))) {
      add(
        at(
          rotation.source,
          'error',
          'backend/opsgenie-half-hour',
          `${label} time restrictions start and end at minute 0 or 30 only: the coverage of \`${rotation.id}\` does not`,
        ),
      );
    }
  }
  for (const service of team.services.values()) {
    const windows = service.promise?.coverage;
    if (!service.retired && windows?.intervals.some(([s, e]) => !half(s) || !half(e))) {
      add(
        at(
          service.promise!.source,
          'error',
          'backend/opsgenie-half-hour',
          `${label} routing time restrictions start and end at minute 0 or 30 only: the promise of \`${service.id}\` does not`,
        ),
      );
    }
  }
  for (const rule of team.routing) {
    if (rule.during.intervals.some(([s, e]) => !half(s) || !half(e))) {
      add(
        at(rule.source, 'error', 'backend/opsgenie-half-hour', `${label} routing time restrictions start and end at minute 0 or 30 only`),
      );
    }
  }
}
