/**
 * What the router knows: the squads' lines and, for each, the people to ring now. Levels are computed once
 * and reused until the next handoff (or override edge, or routing change); a request never recomputes the
 * schedule unless that moment has passed.
 */
import type { Organisation, PhoneLine, Team } from '../model/types';
import { snapshot, type Level, type Snapshot } from './levels';

export interface DialLevel extends Level {
  readonly number: string;
}

export class RouterState {
  private readonly lines = new Map<string, { team: Team; line: PhoneLine }>();
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    readonly organisation: Organisation,
    private readonly phones: ReadonlyMap<string, string>,
    readonly loadedAt: number,
  ) {
    for (const team of organisation.teams.values()) {
      if (team.phone && !team.phone.retired && !team.retired) this.lines.set(team.phone.number, { team, line: team.phone });
    }
  }

  get lineCount(): number {
    return this.lines.size;
  }

  /** The line called, by its number (Twilio's `To`). */
  line(number: string): { team: Team; line: PhoneLine } | undefined {
    return this.lines.get(number);
  }

  /** People to ring on `number` at `now`, in order, with their numbers; undefined for an unknown line. */
  levels(number: string, now: number): DialLevel[] | undefined {
    const entry = this.lines.get(number);
    if (!entry) return undefined;
    let snap = this.snapshots.get(number);
    if (!snap || now >= snap.validUntil || now < snap.computedAt) {
      snap = snapshot(this.organisation, entry.team, now);
      this.snapshots.set(number, snap);
    }
    return snap.levels.flatMap((l) => {
      const phone = this.phones.get(l.person);
      return phone ? [{ ...l, number: phone }] : [];
    });
  }

  /** Recomputes every line for `now`; returns when the next recomputation is due. */
  refresh(now: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (const [number, { team }] of this.lines) {
      const snap = snapshot(this.organisation, team, now);
      this.snapshots.set(number, snap);
      next = Math.min(next, snap.validUntil);
    }
    return next;
  }

  /** People of the organisation without a number the router can dial. */
  missingPhones(): string[] {
    return [...this.organisation.people.keys()].filter((id) => !this.phones.has(id));
  }
}
