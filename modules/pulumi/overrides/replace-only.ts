/**
 * What the PagerDuty and Datadog On-Call override providers share: the service assigns the override's id,
 * any change replaces it (delete, then create), and an override already over is neither created nor
 * deleted (the APIs refuse both): it is kept in the state only, with `overrideId: null`.
 */
import type * as pulumi from '@pulumi/pulumi';
import { changedKeys } from './http';

export interface TimedOverride {
  scheduleId: string;
  start: string;
  end: string;
}

export interface OverrideApi<I extends TimedOverride> {
  /** The inputs whose change replaces the override. */
  readonly keys: readonly (keyof I & string)[];
  /** Creates the override; returns the id the service gave it. */
  create(inputs: I): Promise<string>;
  remove(id: string, inputs: I): Promise<void>;
}

const isOver = (o: TimedOverride): boolean => Date.parse(o.end) <= Date.now();

export function replaceOnlyOverrideProvider<I extends TimedOverride>(api: OverrideApi<I>): pulumi.dynamic.ResourceProvider {
  return {
    async create(inputs: I) {
      if (isOver(inputs)) return { id: `past-${inputs.scheduleId}-${inputs.start}`, outs: { ...inputs, overrideId: null } };
      const id = await api.create(inputs);
      return { id, outs: { ...inputs, overrideId: id } };
    },
    async diff(_id: string, olds: I, news: I) {
      const replaces = changedKeys(olds as never, news as never, api.keys);
      return { changes: replaces.length > 0, replaces, deleteBeforeReplace: true };
    },
    async delete(id: string, props: I & { overrideId?: string | null }) {
      // Past overrides cannot be deleted; one running is cut short by the API.
      if (!props.overrideId || isOver(props)) return;
      await api.remove(id, props);
    },
  };
}
