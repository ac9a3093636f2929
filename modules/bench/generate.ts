/**
 * Synthetic organisations for benchmarks, deterministic from a seed: N squads of people with realistic
 * rotations (weekly 24/7, business/off-hours pairs, primary/secondary, daily), escalation policies,
 * services, alerts of every kind with runbooks, overrides, swaps, unavailability and phone lines. The result
 * is a source tree, exactly what the loader reads from disk; it validates without errors.
 */
import type { SourceTree } from '../spec/source';

/** mulberry32: small, fast, good enough to vary shapes. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  readonly squads: number;
  readonly peoplePerSquad?: number;
  readonly alertsPerSquad?: number;
  readonly seed?: number;
  /**
   * Weekly standby rotations added to each squad (handed over on Wednesdays or Fridays), each notified by a
   * later step of the squad's escalation: the account import's bench asks for 2 (about 1,000 schedules for 300
   * squads). Default 0: the other rows' organisation.
   */
  readonly standbyRotations?: number;
}

const ZONES = ['Europe/Paris', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];

export function generateOrganisation(opts: GenerateOptions): SourceTree {
  const rnd = random(opts.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const perSquad = opts.peoplePerSquad ?? 10;
  const alertsPerSquad = opts.alertsPerSquad ?? 50;
  const files = new Map<string, string>();
  const people: string[] = [];
  const personId = (s: number, i: number) => `p${s}-${i}`;
  for (let s = 0; s < opts.squads; s++) {
    for (let i = 0; i < perSquad; i++) {
      const id = personId(s, i);
      const phone = `+3363998${String((s * perSquad + i) % 10000).padStart(4, '0')}`;
      people.push(`  ${id}: { name: Person ${s}-${i}, email: ${id}@bench.example, phone: "${phone}" }`);
    }
  }
  files.set(
    'org.yaml',
    [
      'name: Bench',
      'defaults: { timezone: Europe/Paris, every: 1w, handoff: monday 09:00, responseTarget: 1h }',
      'phone: { router: https://router-1.bench.example, fallback: https://router-2.bench.example }',
      'people:',
      ...people,
      'holidays:',
      '  - { date: 2026-12-25, name: Christmas }',
      '  - { date: 2027-01-01, name: New year }',
      'readiness: { runbookBaseUrl: https://git.bench.example/oncall/blob/main/teams/ }',
      '',
    ].join('\n'),
  );

  for (let s = 0; s < opts.squads; s++) {
    const squad = `squad-${s}`;
    const members = Array.from({ length: perSquad }, (_, i) => personId(s, i));
    const zone = pick(ZONES);
    const shape = s % 4; // 0: weekly 24/7; 1: business + off-hours; 2: primary + secondary; 3: daily
    const lines: string[] = [`name: Squad ${s}`, `manager: ${members[perSquad - 1]}`, `members: [${members.join(', ')}]`, '', 'rotations:'];
    const oncall = members.slice(0, perSquad - 1);
    const rotations: string[] = [];
    const start = '2026-01-05';
    if (shape === 0 || shape === 3) {
      lines.push('  oncall:', `    members: [${oncall.join(', ')}]`, `    start: ${start}`, `    timezone: ${zone}`);
      if (shape === 3) lines.push('    every: 1d', '    handoff: "09:00"');
      rotations.push('oncall');
    } else if (shape === 1) {
      lines.push(
        '  run:',
        `    members: [${oncall.join(', ')}]`,
        `    start: ${start}`,
        `    timezone: ${zone}`,
        '    coverage: business-hours',
      );
      lines.push(
        '  oncall:',
        `    members: [${[...oncall].reverse().join(', ')}]`,
        `    start: ${start}`,
        `    timezone: ${zone}`,
        '    coverage: off-hours',
      );
      rotations.push('run', 'oncall');
    } else {
      lines.push(
        '  primary:',
        `    members: [${oncall.join(', ')}]`,
        `    start: ${start}`,
        `    timezone: ${zone}`,
        '  secondary:',
        '    follows: primary',
        '    offset: 1',
      );
      rotations.push('primary', 'secondary');
    }
    const standby = Array.from({ length: opts.standbyRotations ?? 0 }, (_, k) => `standby-${k + 1}`);
    standby.forEach((id, k) => {
      const order = oncall.map((_, i) => oncall[(i + k + 1) % oncall.length] as string);
      const wednesday = k % 2 === 0;
      lines.push(
        `  ${id}:`,
        `    members: [${order.join(', ')}]`,
        `    start: ${wednesday ? '2026-01-07' : '2026-01-09'}`,
        `    timezone: ${zone}`,
      );
      lines.push(wednesday ? '    handoff: wednesday 10:00' : '    handoff: friday 17:00');
    });
    // An override each month, in the first rotation.
    const first = rotations[0] as string;
    const overrides = Array.from({ length: 12 }, (_, m) => {
      const day = String(10 + (s % 10)).padStart(2, '0');
      return `      - { person: ${oncall[(m + s) % oncall.length]}, start: 2026-${String(m + 1).padStart(2, '0')}-${day} 18:00, end: 2026-${String(m + 1).padStart(2, '0')}-${day} 22:00, reason: bench }`;
    });
    const insertAt = lines.indexOf(`  ${first}:`) + 3;
    lines.splice(insertAt, 0, '    overrides:', ...overrides);
    lines.push('', 'escalations:', '  standard:', '    responseTarget: 1h', '    steps:', '      - notify: on-call');
    if (shape === 2) lines.push('      - after: 15m', '        notify: { rotation: secondary }');
    else lines.push('      - after: 15m', '        notify: on-call');
    lines.push('      - after: 30m', '        notify: manager');
    standby.forEach((id, k) => lines.push(`      - after: ${45 + 15 * k}m`, `        notify: { rotation: ${id} }`));
    if (shape === 1) lines.push('routing:', '  - during: business-hours', '    rotation: run', '  - rotation: oncall');
    lines.push('', 'services:');
    const services = [`svc-${s}-web`, `svc-${s}-api`, `svc-${s}-jobs`];
    lines.push(
      `  ${services[0]}: { name: Web ${s}, statusPage: Web ${s} }`,
      `  ${services[1]}: { name: API ${s} }`,
      `  ${services[2]}: { name: Jobs ${s} }`,
    );
    if (s % 5 === 0) lines.push('', 'phone:', `  number: "+3319900${String(s).padStart(4, '0')}"`);
    lines.push('', 'alerts:');
    for (let a = 0; a < alertsPerSquad; a++) {
      const id = `a-${s}-${a}`;
      const service = services[a % services.length] as string;
      const kind = a === 0 ? 'http-check' : a % 10 === 1 ? 'log' : a % 10 === 2 ? 'slo' : 'metric';
      const severity = a === 0 ? 'P1' : pick(['P1', 'P2', 'P3', 'P3', 'P4']);
      lines.push(
        `  ${id}:`,
        `    title: Alert ${a} of squad ${s}`,
        `    service: ${a === 0 ? services[0] : service}`,
        `    severity: ${severity}`,
        `    kind: ${kind}`,
      );
      if (kind === 'http-check')
        lines.push(
          `    request: { url: "https://web-${s}.bench.example/" }`,
          '    expect: { status: 200, bodyContains: ok }',
          '    every: 1m',
        );
      else if (kind === 'slo')
        lines.push(
          `    slo: { target: 99.9, good: "sum:ok{service:${service}}.as_count()", total: "sum:all{service:${service}}.as_count()" }`,
        );
      else
        lines.push(
          `    query: avg:metric.${a}{service:${service}}`,
          '    window: 5m',
          '    thresholds: { critical: "> 90", warning: "> 80" }',
        );
      if (severity === 'P4') lines.push('    page: false');
      lines.push(a % 3 === 0 ? `    runbook: runbooks/${id}.md` : `    runbook: https://wiki.bench.example/${squad}/${id}`);
      if (a % 3 === 0)
        files.set(
          `${squad}/runbooks/${id}.md`,
          `# ${id}\n\n## Trigger\nWhen it fires.\n\n## Resolution\n1. Look.\n2. Fix.\n\n## Expected time\n15 minutes.\n`,
        );
    }
    files.set(`${squad}/team.yaml`, `${lines.join('\n')}\n`);
  }
  return { root: 'teams', files, oversized: new Map() };
}
