/**
 * What a stack's backend cannot do of how people are reached, as `validate` problems placed where `notify`
 * says it: push on Datadog On-Call (its provider has no mobile-app channel), low urgency on Opsgenie (there is
 * none: every page rings as high urgency).
 */
import type { Organisation } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { peopleToReach } from '../backends/contacts';
import { at, type AddProblem } from './limit-problems';

export function notifyLimits(org: Organisation, stack: StackSpec, label: string, add: AddProblem): void {
  for (const person of peopleToReach(org, stack.teams)) {
    const notify = person.notify;
    if (!notify) continue;
    if (stack.backend === 'datadog') {
      for (const rule of [...notify.high, ...notify.low].filter((r) => r.method === 'push')) {
        add(
          at(
            rule.source,
            'error',
            'backend/datadog-push',
            `${label} cannot send \`${person.id}\` a push: the provider (terraform-provider-datadog v4.19.0) has no notification channel for the mobile app; use call, sms or email, or provision the squad on PagerDuty or Opsgenie`,
          ),
        );
      }
    }
    if (stack.backend === 'opsgenie' && notify.low.length > 0) {
      add(
        at(
          notify.low[0]!.source,
          'warning',
          'backend/opsgenie-notify-low',
          `${label} pages everyone at high urgency (\`urgency: low\` is refused there), so \`notify.low\` of \`${person.id}\` is not provisioned`,
        ),
      );
    }
  }
}
