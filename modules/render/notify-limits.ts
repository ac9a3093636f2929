/**
 * What a stack's backend cannot do of how people are reached, as `validate` problems placed where `notify`
 * says it: push on Datadog On-Call (its provider has no mobile-app channel), low urgency on Opsgenie (there is
 * none: every page rings as high urgency).
 */
import type { Organisation, Source } from '../model/types';
import type { StackSpec } from '../spec/stacks';
import { peopleToReach } from '../backends/contacts';
import { at, type AddProblem } from './limit-problems';

/**
 * One problem per place in the YAML: a `defaults.notify` that every person inherits is one warning naming them
 * all, not one per person at the same line.
 */
export function notifyLimits(org: Organisation, stack: StackSpec, label: string, add: AddProblem): void {
  const push = new Grouped();
  const low = new Grouped();
  for (const person of peopleToReach(org, stack.teams)) {
    const notify = person.notify;
    if (!notify) continue;
    if (stack.backend === 'datadog') {
      for (const rule of [...notify.high, ...notify.low].filter((r) => r.method === 'push')) push.add(rule.source, person.id);
    }
    if (stack.backend === 'opsgenie' && notify.low.length > 0) low.add(notify.low[0]!.source, person.id);
  }
  for (const { source, people } of push.groups()) {
    add(
      at(
        source,
        'error',
        'backend/datadog-push',
        `${label} cannot send ${names(people)} a push: the provider (terraform-provider-datadog v4.19.0) has no notification channel for the mobile app; use call, sms or email, or provision the squad on PagerDuty or Opsgenie`,
      ),
    );
  }
  for (const { source, people } of low.groups()) {
    add(
      at(
        source,
        'warning',
        'backend/opsgenie-notify-low',
        `${label} pages everyone at high urgency (\`urgency: low\` is refused there), so \`notify.low\` of ${names(people)} is not provisioned`,
      ),
    );
  }
}

function names(people: readonly string[]): string {
  return people.map((p) => `\`${p}\``).join(', ');
}

/** People by the YAML position of what concerns them, in the order first met. */
class Grouped {
  private readonly byPlace = new Map<string, { source: Source; people: string[] }>();
  add(source: Source, person: string): void {
    const key = `${source.file}:${source.line}:${source.column}`;
    const group = this.byPlace.get(key);
    if (group) {
      if (!group.people.includes(person)) group.people.push(person);
    } else this.byPlace.set(key, { source, people: [person] });
  }
  groups(): { source: Source; people: string[] }[] {
    return [...this.byPlace.values()];
  }
}
