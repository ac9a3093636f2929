/** What Datadog On-Call cannot express, as `validate` problems (see modules/render/backend-constraints.ts). */
import type { Organisation, Squad } from '../../model/types';
import { alertEscalations, at, type AddProblem } from '../../render/limit-problems';
import { stepDelays } from '../../render/squad-routing';

export function datadogOnCallConstraints(org: Organisation, team: Squad, label: string, add: AddProblem): void {
  for (const policy of team.escalations.values()) {
    if (policy.retired) continue;
    const delays = stepDelays(policy);
    policy.steps.forEach((step, i) => {
      const seconds = (delays[i] ?? 1) * 60;
      if (seconds > 36000 && i < policy.steps.length - 1) {
        add(
          at(
            step.source,
            'error',
            'backend/datadog-delay',
            `${label} escalates after 10 hours at most: step ${i + 1} of \`${policy.id}\` waits ${delays[i]} minutes`,
          ),
        );
      }
    });
    if (policy.repeat > 10) add(at(policy.source, 'error', 'backend/datadog-retries', `${label} repeats a policy 10 times at most`));
  }
  alertEscalations(org, team, label, 'backend/datadog-alert-escalation', add);
}
