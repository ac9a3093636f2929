/**
 * Random organisations written as YAML, as a user would: every coverage shape (always, business and off
 * hours, one window every day, weekday windows, windows wrapping midnight), hour, day and week turns with
 * handoffs that cross daylight-saving changes, roster changes and overrides before and after the instant the
 * stack is rendered for, every escalation shape (repeats, several targets, the manager, a person, another
 * rotation, another squad's rotation), routing by hours with urgencies, every intake, alert kind and phone line, and how people are reached.
 * The tree goes through the real loader, so what is generated is what `oncall validate` accepts.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { SourceTree } from '../../modules/spec/source';

export const PEOPLE = ['ana', 'ben', 'cleo', 'dan', 'eva', 'fox', 'gus', 'hal'] as const;
const MANAGER = 'max';
const SQUADS = ['alpha', 'bravo', 'charlie'] as const;
export const RANDOM_ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
  'Europe/London',
  'America/Sao_Paulo',
];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

type Yaml = Record<string, unknown>;

const two = (n: number): string => String(n).padStart(2, '0');
const time = (minute: number): string => `${two(Math.floor(minute / 60))}:${two(minute % 60)}`;

/** A date between mid-2025 and mid-2027, so roster changes and overrides fall on both sides of "now". */
const dayArb = fc.integer({ min: 0, max: 730 }).map((n) => new Date(Date.UTC(2025, 5, 1) + n * 86_400_000));
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Minutes of the day on the half hour (what every backend can express) and now and then off it. */
const minuteArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 47 }).map((h) => h * 30) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1439 }) },
);

type Turn = { every: string; weekly: boolean };
const turnArb: fc.Arbitrary<Turn> = fc.oneof(
  fc.constantFrom(4, 8, 12, 24).map((n) => ({ every: `${n}h`, weekly: false })),
  fc.integer({ min: 1, max: 4 }).map((n) => ({ every: `${n}d`, weekly: false })),
  fc.integer({ min: 1, max: 2 }).map((n) => ({ every: `${n}w`, weekly: true })),
);

type Coverage = string | Yaml[];
const coverageArb: fc.Arbitrary<Coverage> = fc.oneof(
  fc.constant('always'),
  fc.constant('business-hours'),
  fc.constant('off-hours'),
  // One window every day, sometimes wrapping midnight.
  fc
    .tuple(minuteArb, minuteArb)
    .filter(([a, b]) => a !== b)
    .map(([from, to]) => [{ days: 'every-day', from: time(from), to: time(to) }]),
  // Weekday windows.
  fc
    .tuple(fc.constantFrom('weekdays', 'weekend', 'monday-thursday', ['tuesday', 'friday']), minuteArb, minuteArb)
    .filter(([, a, b]) => a !== b)
    .map(([days, from, to]) => [{ days, from: time(from), to: time(to) }]),
  // Two windows of different days.
  fc
    .tuple(minuteArb, minuteArb)
    .filter(([a, b]) => a < b)
    .map(([from, to]) => [
      { days: 'weekdays', from: time(from), to: time(to) },
      { days: 'weekend', from: '10:00', to: '16:00' },
    ]),
);

interface RotationChoice {
  members: string[];
  start: Date;
  turn: Turn;
  handoffMinute: number;
  zone?: string;
  change?: { from: Date; reverse: boolean };
  overrides: Array<{ person: number; start: Date; startMinute: number; hours: number }>;
  /** Two members exchanging a shift each, `cycles` turns of the roster after the start. */
  swap?: { a: number; b: number; cycles: [number, number] };
}

function rotationArb(members: string[]): fc.Arbitrary<RotationChoice> {
  return fc.record({
    members: fc.shuffledSubarray(members, { minLength: Math.min(2, members.length), maxLength: members.length }),
    start: dayArb,
    turn: turnArb,
    handoffMinute: minuteArb,
    zone: fc.option(fc.constantFrom(...RANDOM_ZONES), { nil: undefined }),
    change: fc.option(fc.record({ from: dayArb, reverse: fc.boolean() }), { nil: undefined }),
    overrides: fc.array(fc.record({ person: fc.nat(), start: dayArb, startMinute: minuteArb, hours: fc.integer({ min: 1, max: 72 }) }), {
      maxLength: 2,
    }),
    swap: fc.option(
      fc.record({ a: fc.nat(), b: fc.nat(), cycles: fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })) }),
      { nil: undefined },
    ),
  });
}

function rotationYaml(r: RotationChoice, coverage: Coverage): Yaml {
  // A weekly handoff names the weekday of `start`, as the documentation asks.
  const weekday = DAYS[(r.start.getUTCDay() + 6) % 7]!;
  const out: Yaml = {
    members: r.members,
    start: iso(r.start),
    every: r.turn.every,
    handoff: r.turn.weekly ? `${weekday} ${time(r.handoffMinute)}` : time(r.handoffMinute),
    coverage,
  };
  if (r.zone) out.timezone = r.zone;
  if (r.change && r.change.from > r.start && r.members.length > 1) {
    out.changes = [
      { from: iso(r.change.from), members: r.change.reverse ? [...r.members].reverse() : [...r.members.slice(1), r.members[0]] },
    ];
  }
  const overrides = r.overrides
    .filter((o) => o.start >= r.start)
    .map((o) => {
      const start = new Date(o.start.getTime() + o.startMinute * 60_000);
      const end = new Date(start.getTime() + o.hours * 3_600_000);
      const local = (d: Date): string => `${iso(d)} ${time(d.getUTCHours() * 60 - ((d.getUTCHours() * 60) % 30))}`;
      return { person: r.members[o.person % r.members.length], start: local(start), end: local(end), reason: 'random override' };
    })
    .filter((o) => o.start < o.end);
  // A swap of day or week turns, on one roster order: the dates its two shifts start on.
  const days = /^(\d+)([dw])$/.exec(r.turn.every);
  if (r.swap && days && !out.changes && r.members.length > 1) {
    const turnDays = Number(days[1]) * (days[2] === 'w' ? 7 : 1);
    const a = r.swap.a % r.members.length;
    const b = (a + 1 + (r.swap.b % (r.members.length - 1))) % r.members.length;
    const shiftDate = (member: number, cycle: number): string =>
      iso(new Date(r.start.getTime() + (cycle * r.members.length + member) * turnDays * 86_400_000));
    out.swaps = [
      {
        between: [r.members[a], r.members[b]],
        shifts: [shiftDate(a, r.swap.cycles[0]), shiftDate(b, r.swap.cycles[1])],
        reason: 'random swap',
      },
    ];
  }
  // Overrides of one rotation may not overlap: keep those that do not.
  const kept: typeof overrides = [];
  for (const o of overrides.sort((a, b) => a.start.localeCompare(b.start))) if (!kept.some((k) => k.end > o.start)) kept.push(o);
  if (kept.length > 0) out.overrides = kept;
  return out;
}

type Shape = 'one-always' | 'business-off' | 'primary-secondary' | 'custom-routed';

interface SquadChoice {
  members: string[];
  manager: boolean;
  shape: Shape;
  rotations: [RotationChoice, RotationChoice];
  coverage: Coverage;
  offUrgency: 'high' | 'low';
  repeat: number;
  delays: [number, number];
  secondStep: 'on-call' | 'manager' | 'person' | 'both' | 'other-rotation' | 'other-squad';
  email: boolean;
  phone: boolean;
  kinds: string[];
  statusPage: boolean;
  services: number;
}

const squadArb: fc.Arbitrary<SquadChoice> = fc.shuffledSubarray([...PEOPLE], { minLength: 2, maxLength: 5 }).chain((members) =>
  fc.record({
    members: fc.constant(members),
    manager: fc.boolean(),
    shape: fc.constantFrom<Shape>('one-always', 'business-off', 'primary-secondary', 'custom-routed'),
    rotations: fc.tuple(rotationArb(members), rotationArb(members)),
    coverage: coverageArb,
    offUrgency: fc.constantFrom<'high' | 'low'>('high', 'low'),
    repeat: fc.integer({ min: 0, max: 3 }),
    delays: fc.tuple(fc.constantFrom(5, 10, 15, 30), fc.constantFrom(15, 30, 45, 60, 120)),
    secondStep: fc.constantFrom<SquadChoice['secondStep']>('on-call', 'manager', 'person', 'both', 'other-rotation', 'other-squad'),
    // E-mail intake is refused on Datadog On-Call: rarer, so that most organisations reach every backend.
    email: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    phone: fc.boolean(),
    kinds: fc.subarray(['metric', 'log', 'service-check', 'http-check', 'multistep-check', 'slo']),
    statusPage: fc.boolean(),
    services: fc.integer({ min: 1, max: 2 }),
  }),
);

function alertYaml(kind: string, squad: string, service: string, i: number): Yaml {
  const base = {
    title: `${kind} ${i} of ${squad}`,
    severity: (['P1', 'P2', 'P3', 'P4'] as const)[i % 4],
    kind,
    service,
    runbook: `https://wiki.example.org/${squad}/${kind}`,
  };
  switch (kind) {
    case 'metric':
      return {
        ...base,
        query: `avg:system.cpu.user{service:${service}} by {host}`,
        window: '10m',
        thresholds: { critical: '> 90', warning: '> 80' },
        noData: '20m',
      };
    case 'log':
      return { ...base, query: `service:${service} status:error`, window: '15m', thresholds: { critical: '> 50' } };
    case 'service-check':
      return { ...base, query: `"http.can_connect".over("service:${service}").by("host")`, thresholds: { critical: '>= 3' } };
    case 'http-check':
      return {
        ...base,
        request: { url: `https://${service}.example.org/health` },
        expect: { status: 200, bodyContains: 'ok' },
        every: '5m',
      };
    case 'multistep-check':
      return {
        ...base,
        every: '15m',
        steps: [
          {
            name: 'log in',
            request: { method: 'POST', url: `https://${service}.example.org/login`, body: '{}' },
            expect: { status: 200 },
            extract: { TOKEN: '$.token' },
          },
          { name: 'read', request: { url: `https://${service}.example.org/me` }, expect: { status: 200 } },
        ],
      };
    default:
      return {
        ...base,
        slo: {
          target: 99.5,
          window: '30d',
          good: `sum:hits{service:${service},!status:5xx}.as_count()`,
          total: `sum:hits{service:${service}}.as_count()`,
        },
      };
  }
}

function squadYaml(id: string, s: SquadChoice, index: number, others: readonly string[]): Yaml {
  const [a, routed] = s.rotations;
  // Routed rotations read their windows in one zone, so that together they cover the week.
  const b = { ...routed, zone: a.zone };
  const rotations: Yaml = {};
  let routing: Yaml[] | undefined;
  let second: unknown = 'on-call';
  switch (s.shape) {
    case 'one-always':
      rotations.primary = rotationYaml(a, 'always');
      break;
    case 'business-off':
      rotations.run = rotationYaml(a, 'business-hours');
      rotations.oncall = rotationYaml(b, 'off-hours');
      routing = [
        { during: 'business-hours', rotation: 'run' },
        { rotation: 'oncall', urgency: s.offUrgency },
      ];
      break;
    case 'primary-secondary':
      rotations.primary = rotationYaml(a, 'always');
      rotations.secondary = { follows: 'primary', offset: 1 };
      break;
    case 'custom-routed':
      rotations.primary = rotationYaml(a, 'always');
      rotations.window = rotationYaml(b, s.coverage);
      routing =
        typeof s.coverage === 'string' && s.coverage === 'always'
          ? undefined
          : [
              { during: s.coverage, rotation: 'window' },
              { rotation: 'primary', urgency: s.offUrgency },
            ];
      break;
  }
  const rotationIds = Object.keys(rotations);
  const other = others[0];
  switch (s.secondStep) {
    case 'manager':
      second = s.manager ? 'manager' : 'on-call';
      break;
    case 'person':
      second = { person: s.members[s.members.length - 1] };
      break;
    case 'both':
      second = ['on-call', { person: s.members[0] }];
      break;
    case 'other-rotation':
      second = { rotation: rotationIds[rotationIds.length - 1] };
      break;
    case 'other-squad':
      second = other ? { rotation: `${other}/primary` } : 'on-call';
      break;
  }
  const services: Yaml = {};
  for (let k = 0; k < s.services; k++)
    services[`${id}-svc${k + 1}`] =
      s.statusPage && k === 0 ? { name: `${id} service ${k + 1}`, statusPage: `${id} ${k + 1}` } : { name: `${id} service ${k + 1}` };
  const alerts: Yaml = {};
  s.kinds.forEach((kind, i) => (alerts[`${id}-${kind}`] = alertYaml(kind, id, `${id}-svc1`, i)));
  const team: Yaml = {
    name: `Squad ${id}`,
    ...(s.manager ? { manager: MANAGER } : {}),
    members: s.members,
    rotations,
    escalations: {
      main: {
        repeat: s.repeat,
        steps: [
          { notify: 'on-call' },
          { after: `${s.delays[0]}m`, notify: second },
          { after: `${s.delays[0] + s.delays[1]}m`, notify: s.manager ? 'manager' : 'on-call' },
        ],
      },
    },
    ...(routing ? { routing } : {}),
    services,
    ...(Object.keys(alerts).length > 0 ? { alerts } : {}),
    ...(s.email ? { intake: { email: true } } : {}),
    ...(s.phone ? { phone: { number: `+3319900${String(index).padStart(4, '0')}` } } : {}),
  };
  return team;
}

export interface RandomOrganisation {
  readonly tree: SourceTree;
  readonly zone: string;
}

/** One entry of `notify`: a method at once or after a delay (no push: Datadog On-Call refuses it). */
const notifyRuleArb = fc
  .tuple(fc.constantFrom('call', 'sms', 'email'), fc.constantFrom(0, 1, 5, 30))
  .map(([method, minutes]) => (minutes === 0 ? method : { [method]: `${minutes}m` }));
const notifyRulesArb = fc.uniqueArray(notifyRuleArb, { minLength: 1, maxLength: 3, selector: (r) => JSON.stringify(r) });
/** How a person is reached, or nothing (the backend's own rules). */
const notifyArb = fc.option(fc.record({ high: notifyRulesArb, low: notifyRulesArb }, { requiredKeys: ['high'] }), { nil: undefined });

export const organisationArb: fc.Arbitrary<RandomOrganisation> = fc
  .record({
    zone: fc.constantFrom(...RANDOM_ZONES),
    business: fc.tuple(fc.constantFrom(7, 8, 9), fc.constantFrom(17, 18, 19)),
    squads: fc.array(squadArb, { minLength: 1, maxLength: 3 }),
    notify: fc.array(notifyArb, { minLength: PEOPLE.length + 1, maxLength: PEOPLE.length + 1 }),
  })
  .map(({ zone, business, squads, notify }) => {
    const people = Object.fromEntries(
      [...PEOPLE, MANAGER].map((p, i) => [
        p,
        {
          name: `Person ${p}`,
          email: `${p}@example.org`,
          phone: `+3363998${String(i).padStart(4, '0')}`,
          ...(notify[i] ? { notify: notify[i] } : {}),
        },
      ]),
    );
    const org = {
      name: 'Random',
      defaults: {
        timezone: zone,
        every: '1w',
        handoff: 'monday 09:00',
        responseTarget: '1h',
        businessHours: { days: 'monday-friday', from: `${two(business[0])}:00`, to: `${two(business[1])}:00` },
      },
      phone: { router: 'https://router-1.example.org', fallback: 'https://router-2.example.org' },
      people,
      statusPage: { name: 'Random status', domainPrefix: 'random' },
    };
    const files = new Map<string, string>([['org.yaml', stringify(org)]]);
    squads.forEach((s, i) => {
      const id = SQUADS[i]!;
      // A squad may only name another squad's rotation when that squad has a `primary`.
      const others = SQUADS.slice(0, squads.length).filter((o, j) => o !== id && squads[j]!.shape !== 'business-off');
      files.set(`${id}/team.yaml`, stringify(squadYaml(id, s, i, others)));
    });
    return { tree: { root: 'teams', files, oversized: new Map() }, zone };
  });
