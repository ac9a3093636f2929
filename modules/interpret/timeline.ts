/**
 * Escalation timelines: for an alert raised at minute M, who is notified at M+0, M+delay…, the policy's repeats
 * included. The same shape for every backend's interpreter and for the engine, so the rehearsal compares them.
 */

/** What an alert is raised for: a squad (its routing rules) or one of its services (its promise, or the squad's routing). */
export type AlertUnit =
  | {
      readonly kind: 'squad';
      readonly squad: string;
      /** PagerDuty has no team routing: the service that receives the squad's alerts (none: the squad has no such service). */
      readonly pagerdutyService?: string;
    }
  | { readonly kind: 'service'; readonly squad: string; readonly service: string };

export interface Notification {
  /** Minutes after the alert. */
  readonly after: number;
  /** Step of the policy (0-based) and repeat (0: the first pass). */
  readonly step: number;
  readonly loop: number;
  /** Person ids, sorted, each once (`<e-mail>` for someone not in the organisation). */
  readonly people: readonly string[];
  /** The objects that say who: overrides, layers, rotations, shifts… */
  readonly causes: readonly string[];
}

export interface Timeline {
  /** Null: nobody is paged. Opsgenie has no urgency: its pages are `high`. */
  readonly urgency: 'high' | 'low' | null;
  /** The routing rule, service or policy that took the alert (or why nobody is paged). */
  readonly route: string;
  readonly notifications: readonly Notification[];
}

export const nobody = (route: string): Timeline => ({ urgency: null, route, notifications: [] });

/** A policy as a list of steps with their offsets from the alert, repeated `loops` more times every `cycle` minutes. */
export interface StepPlan<T> {
  readonly offsets: readonly number[];
  readonly targets: readonly T[];
  readonly loops: number;
  readonly cycle: number;
}

/** Every notification of a plan, in time order, each step's targets resolved at its instant. */
export function unroll<T>(
  plan: StepPlan<T>,
  resolve: (targets: T, offset: number) => { people: string[]; causes: string[] },
): Notification[] {
  const out: Notification[] = [];
  for (let loop = 0; loop <= plan.loops; loop++) {
    plan.offsets.forEach((offset, step) => {
      const after = loop * plan.cycle + offset;
      const { people, causes } = resolve(plan.targets[step]!, after);
      out.push({ after, step, loop, people: [...new Set(people)].sort(), causes: [...new Set(causes)] });
    });
  }
  return out;
}

/** Every offset a plan notifies at (what moves the schedules' changes back). */
export function planOffsets(plan: StepPlan<unknown>): number[] {
  const out = new Set<number>();
  for (let loop = 0; loop <= plan.loops; loop++) for (const o of plan.offsets) out.add(loop * plan.cycle + o);
  return [...out];
}
