/**
 * What the router knows: the squads' lines and, for each, the people to ring now. Levels are computed once
 * and reused until the next handoff (or override edge, or routing change); a request never recomputes the
 * schedule unless that moment has passed.
 */
import { DEFAULT_PHONE_LANGUAGE, MAX_NUMBERS_AT_ONCE } from '../model/resolve-phone-speech';
import type { Organisation, PhoneLine, PhoneSpeech, Squad } from '../model/types';
import { snapshot, type Callee, type Snapshot } from './levels';

export interface DialCallee extends Callee {
  readonly number: string;
}

/** The people a level rings at once, each with a number (never empty). */
export type DialLevel = readonly DialCallee[];

interface Cached {
  readonly snapshot: Snapshot;
  readonly levels: DialLevel[];
  /** TwiML answers by level, rendered once per snapshot (a line's answers only change at a handoff). */
  readonly answers: Map<number, string>;
}

export class RouterState {
  private readonly lines = new Map<string, { team: Squad; line: PhoneLine }>();
  private readonly cache = new Map<string, Cached>();

  constructor(
    readonly organisation: Organisation,
    private readonly phones: ReadonlyMap<string, string>,
    readonly loadedAt: number,
  ) {
    for (const team of organisation.squads.values()) {
      if (team.phone && !team.phone.retired && !team.retired) this.lines.set(team.phone.number, { team, line: team.phone });
    }
  }

  get lineCount(): number {
    return this.lines.size;
  }

  /** How the router speaks on a number that is not a line: the organisation's language and voice. */
  get defaultSpeech(): PhoneSpeech {
    return this.organisation.phoneSpeech ?? { language: DEFAULT_PHONE_LANGUAGE };
  }

  /** The line called, by its number (Twilio's `To`). */
  line(number: string): { team: Squad; line: PhoneLine } | undefined {
    return this.lines.get(number);
  }

  private cached(number: string, now: number): Cached | undefined {
    const entry = this.lines.get(number);
    if (!entry) return undefined;
    let c = this.cache.get(number);
    if (!c || now >= c.snapshot.validUntil || now < c.snapshot.computedAt) {
      c = this.compute(number, entry.team, now);
      this.cache.set(number, c);
    }
    return c;
  }

  private compute(_number: string, team: Squad, now: number): Cached {
    const snap = snapshot(this.organisation, team, now);
    // People without a number are left out; a level left with nobody is skipped. Validation keeps a step
    // within Twilio's ten numbers at once; the cut is only a guard.
    const levels = snap.levels.flatMap((level) => {
      const dialable = level.flatMap((c) => {
        const phone = this.phones.get(c.person);
        return phone ? [{ ...c, number: phone }] : [];
      });
      return dialable.length ? [dialable.slice(0, MAX_NUMBERS_AT_ONCE)] : [];
    });
    return { snapshot: snap, levels, answers: new Map() };
  }

  /** People to ring on `number` at `now`, in order, with their numbers; undefined for an unknown line. */
  levels(number: string, now: number): readonly DialLevel[] | undefined {
    return this.cached(number, now)?.levels;
  }

  /** The answer for `level` of a line, rendered by `render` once per snapshot. */
  answer(number: string, now: number, level: number, render: (levels: readonly DialLevel[]) => string): string | undefined {
    const c = this.cached(number, now);
    if (!c) return undefined;
    let text = c.answers.get(level);
    if (text === undefined) {
      text = render(c.levels);
      c.answers.set(level, text);
    }
    return text;
  }

  /** Recomputes every line for `now`; returns when the next recomputation is due. */
  refresh(now: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (const [number, { team }] of this.lines) {
      const c = this.compute(number, team, now);
      this.cache.set(number, c);
      next = Math.min(next, c.snapshot.validUntil);
    }
    return next;
  }

  /** People of the organisation without a number the router can dial. */
  missingPhones(): string[] {
    return [...this.organisation.people.keys()].filter((id) => !this.phones.has(id));
  }
}
