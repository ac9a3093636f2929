/** What PagerDuty cannot express, as `validate` problems (see modules/render/backend-constraints.ts). */
import type { Organisation, Squad } from '../../model/types';
import { fixedTimePerDay } from '../../render/coverage-shapes';
import { at, type AddProblem } from '../../render/limit-problems';
import { stepDelays } from '../../render/squad-routing';
import { emailIntakeService } from './render';
import { pagerdutyPromiseConstraints } from './promise-constraints';

export function pagerdutyConstraints(_org: Organisation, team: Squad, label: string, add: AddProblem): void {
  const policies = new Set(team.routing.map((r) => r.escalation));
  // When every service states a promise, each has its own policy and support hours: the squad's routing then
  // only says which rotations `on-call` means, and its policies and hours are no service's.
  const live = [...team.services.values()].filter((s) => !s.retired);
  const first = live.length > 0 && live.every((s) => s.promise) ? undefined : team.routing[0];
  if (policies.size > 1 && first) {
    add(
      at(
        first.source,
        'error',
        'backend/pagerduty-one-policy',
        `${label} sends a service's incidents to one escalation policy: the routing of \`${team.id}\` uses ${[...policies].map((p) => `\`${p}\``).join(' and ')}`,
      ),
    );
  }
  if (team.routing.length > 2 && first) {
    add(
      at(
        team.routing[2]!.source,
        'error',
        'backend/pagerduty-routing',
        `${label} distinguishes support hours and the rest only: \`${team.id}\` has ${team.routing.length} routing rules; keep two at most`,
      ),
    );
  } else if (team.routing.length === 2 && first && !fixedTimePerDay(first.during)) {
    add(
      at(
        first.source,
        'error',
        'backend/pagerduty-support-hours',
        `${label} support hours are the same hours on each chosen day, within one day: this rule's \`during\` is not`,
      ),
    );
  }
  for (const policy of team.escalations.values()) {
    if (policy.retired) continue;
    const delays = stepDelays(policy);
    policy.steps.forEach((step, i) => {
      if (step.targets.length > 1 && (delays[i] ?? 0) < 3 && i < policy.steps.length - 1) {
        add(
          at(
            step.source,
            'warning',
            'backend/pagerduty-delay',
            `${label} wants at least 3 minutes before escalating from a rule with several targets`,
          ),
        );
      }
    });
  }
  for (const alert of team.alerts.values()) {
    // A service with a promise pages its own policy.
    const servicePolicy = team.services.get(alert.service)?.promise?.escalation ?? team.routing[0]?.escalation;
    if (alert.escalation !== undefined && servicePolicy !== undefined && alert.escalation !== servicePolicy) {
      add(
        at(
          alert.source,
          'error',
          'backend/pagerduty-one-policy',
          `${label} routes a service to one escalation policy: \`${alert.id}\` names \`${alert.escalation}\` but its service uses \`${servicePolicy}\``,
        ),
      );
    }
  }
  for (const service of team.services.values()) {
    // PagerDuty/terraform-provider-pagerduty@v2.4.0:pagerduty/resource_pagerduty_service.go refuses these names.
    if (/^$|^[ ]+$|[/\\<>&]/.test(service.name)) {
      add(
        at(
          service.source,
          'error',
          'backend/pagerduty-service-name',
          `${label} refuses a service name that is blank or contains \\ / & < or >: \`${service.name}\``,
        ),
      );
    }
  }
  pagerdutyEmailIntake(team, label, add);
  pagerdutyPromiseConstraints(team, label, add);
}

/** PagerDuty receives e-mail through integrations of services: a squad in e-mail intake needs one in service. */
function pagerdutyEmailIntake(team: Squad, label: string, add: AddProblem): void {
  if (!team.emailIntake) return;
  if (emailIntakeService(team) === undefined) {
    add(
      at(
        team.source,
        'error',
        'backend/pagerduty-email-no-service',
        `${label} receives e-mail on a service: \`${team.id}\` asks for e-mail intake and has no service`,
      ),
    );
  }
}
