/**
 * A deterministic history of pages for the reports' tests (report-org.ts): a seeded generator, the squads,
 * services, alerts, people and escalation delays written here by hand from the fixture's YAML, and each backend's
 * names as that backend shows them (PagerDuty: the service's display name; Opsgenie and Datadog On-Call: the
 * `service:` tag, i.e. the service's id; every backend: the squad's display name as the team).
 */
import type { Backend } from '../../modules/render/desired';
import type { IncidentEscalation, IncidentRecord } from '../../modules/reports/incident-record';
import { random } from '../../modules/bench/generate';

export interface SquadFacts {
  readonly team: string;
  readonly service: string;
  readonly serviceName: string;
  readonly alerts: readonly string[];
  readonly members: readonly string[];
  readonly manager: string;
  /** Minutes after the page of levels 2 and 3. */
  readonly delays: readonly [number, number];
  /** Response target in minutes: the service's promise, else its policy's. */
  readonly target: number;
  readonly zone: string;
}

export const SQUADS: Readonly<Record<string, SquadFacts>> = {
  storefront: {
    team: 'Storefront',
    service: 'shop',
    serviceName: 'Online shop',
    alerts: ['shop-home-page', 'shop-checkout', 'shop-5xx-rate', 'shop-availability'],
    members: ['alice', 'bruno', 'chloe', 'david'],
    manager: 'manon',
    delays: [20, 40],
    target: 120,
    zone: 'Europe/Paris',
  },
  payments: {
    team: 'Payments',
    service: 'payment-api',
    serviceName: 'Payment API',
    alerts: ['payments-api-health', 'payments-api-error-rate', 'payments-p99-latency', 'payments-queue-depth'],
    members: ['hugo', 'ines', 'jules'],
    manager: 'manon',
    delays: [30, 60],
    target: 240,
    zone: 'Europe/Paris',
  },
  platform: {
    team: 'Platform',
    service: 'infrastructure',
    serviceName: 'Shared infrastructure',
    alerts: ['platform-disk-space-critical', 'platform-cpu-saturated', 'platform-tls-expiring'],
    members: ['emma', 'farid', 'gina'],
    manager: 'manon',
    delays: [30, 60],
    target: 60,
    zone: 'America/New_York',
  },
};

export const email = (person: string): string => `${person}@acme.example`;

/** The bench's seeded generator (mulberry32), so that every run sees the same history. */
export const seeded = random;

const MINUTE = 60_000;

export interface HistoryOptions {
  readonly backend: Backend;
  readonly since: number;
  readonly until: number;
  readonly count: number;
  readonly seed?: number;
}

/** `count` pages spread over [since, until), with a few the organisation does not know and a few without alert id. */
export function generateHistory(options: HistoryOptions): IncidentRecord[] {
  const random = seeded(options.seed ?? 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: IncidentRecord[] = [];
  const squadIds = Object.keys(SQUADS);
  for (let n = 0; n < options.count; n++) {
    const id = `${options.backend.slice(0, 2).toUpperCase()}${String(n).padStart(5, '0')}`;
    const createdAt = options.since + Math.floor(random() * (options.until - options.since));
    if (n % 97 === 13) {
      out.push({
        backend: options.backend,
        id,
        title: 'Legacy cron failed',
        team: 'Legacy',
        service: 'cron',
        tags: [],
        createdAt,
        escalations: [],
      });
      continue;
    }
    const squadId = pick(squadIds);
    const squad = SQUADS[squadId]!;
    const alert = n % 11 === 5 ? undefined : pick(squad.alerts);
    const first = pick(squad.members);
    const second = pick(squad.members);
    // Minutes to acknowledge: mostly quick, sometimes slow, about one page in ten never.
    const r = random();
    const ackMinutes = r < 0.6 ? 1 + random() * 15 : r < 0.9 ? 15 + random() * 200 : undefined;
    const levels: Array<[number, number, string[]]> = [
      [1, 0, [email(first)]],
      [2, squad.delays[0], [email(second)]],
      [3, squad.delays[1], [email(squad.manager)]],
    ];
    const escalations: IncidentEscalation[] = levels
      .filter(([, after]) => ackMinutes === undefined || after <= ackMinutes)
      .map(([level, after, to]) => ({ level, at: createdAt + after * MINUTE, to }));
    const answeredBy = escalations[escalations.length - 1]!.to[0]!;
    const acknowledgedAt = ackMinutes === undefined ? undefined : createdAt + Math.round(ackMinutes * MINUTE);
    const resolved = random() < 0.95;
    const resolvedAt = !resolved ? undefined : (acknowledgedAt ?? createdAt) + Math.round((5 + random() * 300) * MINUTE);
    const severity = pick(['P1', 'P2', 'P3']);
    out.push({
      backend: options.backend,
      id,
      title: alert ? `[${squad.service}][${squadId}] ${alert}` : `E-mail to ${squad.team}`,
      team: squad.team,
      service: options.backend === 'pagerduty' ? squad.serviceName : squad.service,
      // Opsgenie's priorities are its own; the severity travels as the renderer's tag there.
      tags: [
        ...(alert ? [`alert-id:${alert}`] : []),
        `service:${squad.service}`,
        `team:${squadId}`,
        ...(options.backend === 'opsgenie' ? [`severity:${severity.toLowerCase()}`] : []),
      ],
      ...(options.backend === 'opsgenie' ? {} : { priority: severity }),
      createdAt,
      ...(acknowledgedAt !== undefined ? { acknowledgedAt, acknowledgedBy: answeredBy } : {}),
      ...(resolvedAt !== undefined ? { resolvedAt, resolvedBy: ackMinutes === undefined ? email(first) : answeredBy } : {}),
      escalations,
    });
  }
  return out;
}
