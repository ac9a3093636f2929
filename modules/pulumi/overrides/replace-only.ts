/**
 * What the PagerDuty and Datadog On-Call override providers share: the service assigns the override's id, any
 * change replaces it (delete, then create), and an override already over is neither created nor deleted (the
 * APIs refuse both): it is kept in the state only, with `overrideId: null`.
 *
 * Creation never leaves an override the state does not know: before sending the POST, and again after a POST
 * whose answer was lost (timeout, connection cut, 5xx), it lists the schedule's overrides over the same period and
 * adopts one for the same person and the same instants. `read` (pulumi refresh) finds the override again by id:
 * gone (deleted in the service's UI) it answers an empty id, moved it answers the live times and person.
 */
import type * as pulumi from '@pulumi/pulumi';
import { changedKeys, MaybeAppliedError, sameInstant } from './http';

export interface TimedOverride {
  scheduleId: string;
  start: string;
  end: string;
  userId: string;
  /** Where and with which key (a secret input; see connection.ts). */
  connection?: unknown;
}

/** An override as the service lists it. */
export interface LiveOverride {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly userId: string;
}

export interface OverrideApi<I extends TimedOverride> {
  /** The inputs whose change replaces the override. */
  readonly keys: readonly (keyof I & string)[];
  /** Creates the override; returns the id the service gave it. Throws MaybeAppliedError when it cannot tell. */
  create(inputs: I): Promise<string>;
  /** The schedule's overrides that overlap the override's period. */
  list(inputs: I): Promise<LiveOverride[]>;
  remove(id: string, inputs: I): Promise<void>;
}

/** How many POSTs a creation may send when their answers are lost. */
const POSTS = 3;

const isOver = (o: TimedOverride): boolean => Date.parse(o.end) <= Date.now();

export const describeOverride = (service: string, o: TimedOverride): string =>
  `${service} override of schedule ${o.scheduleId} starting ${o.start}`;

function sameOverride(live: LiveOverride, wanted: TimedOverride): boolean {
  return live.userId === wanted.userId && sameInstant(live.start, wanted.start) && sameInstant(live.end, wanted.end);
}

async function createOnce<I extends TimedOverride>(api: OverrideApi<I>, inputs: I): Promise<string> {
  const existing = (await api.list(inputs)).find((o) => sameOverride(o, inputs));
  if (existing) return existing.id;
  let lost: MaybeAppliedError | undefined;
  for (let post = 1; post <= POSTS; post++) {
    try {
      return await api.create(inputs);
    } catch (e) {
      if (!(e instanceof MaybeAppliedError)) throw e;
      lost = e;
    }
    const created = (await api.list(inputs)).find((o) => sameOverride(o, inputs));
    if (created) return created.id;
  }
  throw new Error(`${lost?.message ?? 'no answer'} (sent ${POSTS} times; none of them created the override)`);
}

export function replaceOnlyOverrideProvider<I extends TimedOverride>(api: OverrideApi<I>): pulumi.dynamic.ResourceProvider {
  return {
    async create(inputs: I) {
      if (isOver(inputs)) return { id: `past-${inputs.scheduleId}-${inputs.start}`, outs: { ...inputs, overrideId: null } };
      const id = await createOnce(api, inputs);
      return { id, outs: { ...inputs, overrideId: id } };
    },
    async read(id: string, props: I & { overrideId?: string | null }) {
      if (!props.overrideId || isOver(props)) return { id, props };
      const live = (await api.list(props)).find((o) => o.id === props.overrideId);
      // Deleted in the service: the resource is gone from the state; the next `up` creates it again.
      if (!live) return { id: '' };
      const moved = {
        start: sameInstant(live.start, props.start) ? props.start : live.start,
        end: sameInstant(live.end, props.end) ? props.end : live.end,
        userId: live.userId,
      };
      return { id, props: { ...props, ...moved } };
    },
    async diff(_id: string, olds: I, news: I) {
      const replaces = changedKeys(olds as never, news as never, api.keys);
      // New credentials or site are stored (an update without a request), so delete uses them.
      const connection = JSON.stringify(olds.connection ?? null) !== JSON.stringify(news.connection ?? null);
      return { changes: replaces.length > 0 || connection, replaces, deleteBeforeReplace: true };
    },
    async update(_id: string, olds: I & { overrideId?: string | null }, news: I) {
      return { outs: { ...news, overrideId: olds.overrideId ?? null } };
    },
    async delete(id: string, props: I & { overrideId?: string | null }) {
      // Past overrides cannot be deleted; one running is cut short by the API.
      if (!props.overrideId || isOver(props)) return;
      await api.remove(id, props);
    },
  };
}
