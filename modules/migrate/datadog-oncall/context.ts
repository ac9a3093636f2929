/** What the import's parts share: the observed resources by kind, the people and the findings. */
import { DateTime } from 'luxon';
import { DATADOG_USER_TYPE, DD } from '../../backends/datadog-oncall/resources';
import { isInvoke, isRef, type Value } from '../../render/desired';
import type { ImportFinding, ObservedResource, ObservedState } from '../account';
import { IdScope } from '../ids';

export const USER_TYPE = DATADOG_USER_TYPE;

export type Obj = Readonly<Record<string, Value>>;

export class ImportContext {
  readonly findings: ImportFinding[] = [];
  readonly comments = new Map<string, string>();
  /** Person id by e-mail. */
  readonly people = new Map<string, { id: string; name: string; email: string }>();
  private readonly personIds = new IdScope('person');
  readonly byName: ReadonlyMap<string, ObservedResource>;

  constructor(
    readonly observed: ObservedState,
    readonly now: number,
  ) {
    this.byName = new Map(observed.resources.map((r) => [r.name, r]));
    const users = observed.resources
      .filter((r) => r.type === USER_TYPE)
      .map((r) => ({ email: String(r.inputs.email), name: String(r.inputs.name ?? '') || String(r.inputs.email).split('@')[0]! }))
      .sort((a, b) => (a.name === b.name ? (a.email < b.email ? -1 : 1) : a.name < b.name ? -1 : 1));
    for (const u of users) this.people.set(u.email, { id: this.personIds.take(u.name), name: u.name, email: u.email });
  }

  of(type: string): ObservedResource[] {
    return this.observed.resources.filter((r) => r.type === type);
  }

  find(r: ObservedResource, what: string, why: string, kind: ImportFinding['kind'] = 'dropped'): void {
    this.findings.push({ source: r.from, what, why, kind });
  }

  /** The person a user value stands for (a look-up by e-mail), adding one for an e-mail no user list gave. */
  person(v: Value | undefined): string | undefined {
    if (!isInvoke(v)) return undefined;
    const email = String(Object.values(v.args)[0]);
    let p = this.people.get(email);
    if (!p) {
      const name = email.split('@')[0] ?? email;
      p = { id: this.personIds.take(name), name, email };
      this.people.set(email, p);
    }
    return p.id;
  }

  target(v: Value | undefined): ObservedResource | undefined {
    return isRef(v) ? this.byName.get(v.$ref) : undefined;
  }

  teamOf(r: ObservedResource): ObservedResource | undefined {
    const teams = (r.inputs.teams ?? []) as Value[];
    return this.target(teams[0]);
  }
}

export const TYPES = DD;

/** `90` → `1h30m`. */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h ? `${h}h` : ''}${m || !h ? `${m}m` : ''}`;
}

/** An instant as a YAML date-time in a zone, with its offset (unambiguous across clock changes). */
export function dateTimeIn(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}
