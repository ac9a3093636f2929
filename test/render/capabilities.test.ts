/**
 * Walks the capability matrix: for every YAML feature and backend, a refused feature gives its positioned
 * `validate` error on a stack of that backend, and a rendered one changes what that stack provisions (it is
 * not dropped). Every code the matrix names has a page in docs/problems.md, and the README's table is the
 * generated one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { analyse } from '../../modules/pipeline';
import { CAPABILITIES } from '../../modules/render/capabilities';
import { BACKENDS, type Backend } from '../../modules/render/desired';
import { withCapabilityTable } from '../../modules/render/readme-capabilities';
import { renderStack } from '../../modules/render/stack';
import type { SourceTree } from '../../modules/spec/source';
import { parseStackFile } from '../../modules/spec/stacks';
import { NOW, ROOT } from '../helpers';

const ORG = {
  name: 'Matrix',
  defaults: {
    timezone: 'Europe/Paris',
    every: '1w',
    handoff: 'monday 09:00',
    responseTarget: '1h',
    businessHours: { days: 'monday-friday', from: '09:00', to: '18:00' },
  },
  phone: { router: 'https://router-1.example.org', fallback: 'https://router-2.example.org' },
  people: Object.fromEntries(
    ['ana', 'ben', 'cleo', 'max'].map((p, i) => [p, { name: p, email: `${p}@example.org`, phone: `+3363998000${i}` }]),
  ),
  statusPage: { name: 'Matrix status', domainPrefix: 'matrix' },
};

type Squad = Record<string, unknown>;
const rotation = (coverage = 'always'): Squad => ({ members: ['ana', 'ben'], start: '2026-01-05', coverage });
const BASE: Squad = {
  name: 'Core',
  manager: 'max',
  members: ['ana', 'ben'],
  rotations: { oncall: rotation() },
  escalations: { main: { steps: [{ notify: 'on-call' }, { after: '30m', notify: 'manager' }] } },
  services: { api: { name: 'API' } },
};
const apiAlert = {
  title: 'API errors',
  kind: 'metric',
  severity: 'P2',
  query: 'sum:errors{service:api}.as_count()',
  thresholds: { critical: '> 5' },
  runbook: 'https://wiki.example.org/api',
};
const webAlert = (service: string): Squad => ({
  title: 'Web errors',
  kind: 'metric',
  severity: 'P2',
  service,
  query: 'sum:errors{service:web}.as_count()',
  thresholds: { critical: '> 5' },
  runbook: 'https://wiki.example.org/web',
});
const twoRotations = (routing: unknown[]): Squad => ({ ...BASE, rotations: { run: rotation(), oncall: rotation() }, routing });

const twoPolicies = (alertPolicy: string): Squad => ({
  ...BASE,
  escalations: {
    main: (BASE.escalations as Record<string, unknown>).main,
    urgent: { steps: [{ notify: 'on-call' }, { after: '10m', notify: 'manager' }] },
  },
  routing: [{ rotation: 'oncall', escalation: 'main' }],
  alerts: { 'api-errors': { ...apiAlert, escalation: alertPolicy } },
});

/**
 * Each feature: the squad without it and with it (what the test compares), and for features with limits, a
 * squad that goes beyond them (each limit code of the matrix must be raised by it, on its backend only).
 */
const EXAMPLES: Record<string, { without: Squad; with: Squad; beyond?: Squad; org?: Squad; withOrg?: Squad }> = {
  squad: { without: BASE, with: { ...BASE, members: ['ana', 'ben', 'cleo'] } },
  rotation: { without: BASE, with: { ...BASE, rotations: { oncall: { ...rotation(), every: '1d', handoff: '09:00' } } } },
  coverage: {
    without: { ...BASE, rotations: { oncall: rotation(), day: rotation() } },
    with: { ...BASE, rotations: { oncall: rotation(), day: rotation('business-hours') } },
  },
  'roster-changes': {
    without: BASE,
    with: { ...BASE, rotations: { oncall: { ...rotation(), changes: [{ from: '2026-03-02', members: ['ben', 'ana'] }] } } },
  },
  overrides: {
    without: BASE,
    with: {
      ...BASE,
      rotations: { oncall: { ...rotation(), overrides: [{ person: 'ben', start: '2026-03-03 09:00', end: '2026-03-04 09:00' }] } },
    },
  },
  'escalation-steps': {
    without: BASE,
    with: { ...BASE, escalations: { main: { steps: [{ notify: 'on-call' }, { after: '20m', notify: 'manager' }] } } },
  },
  'several-targets': {
    without: BASE,
    with: { ...BASE, escalations: { main: { steps: [{ notify: 'on-call' }, { after: '30m', notify: ['manager', { person: 'cleo' }] }] } } },
  },
  targets: {
    without: BASE,
    with: { ...BASE, escalations: { main: { steps: [{ notify: 'on-call' }, { after: '30m', notify: { person: 'cleo' } }] } } },
  },
  'alert-escalation': { without: twoPolicies('main'), with: twoPolicies('main'), beyond: twoPolicies('urgent') },
  repeat: {
    without: BASE,
    with: { ...BASE, escalations: { main: { repeat: 2, steps: [{ notify: 'on-call' }, { after: '30m', notify: 'manager' }] } } },
  },
  'routing-hours': {
    without: twoRotations([{ rotation: 'run' }]),
    with: twoRotations([{ during: 'business-hours', rotation: 'run' }, { rotation: 'oncall' }]),
  },
  holidays: {
    without: {
      ...BASE,
      rotations: { run: rotation('business-hours'), oncall: rotation('off-hours') },
      routing: [{ during: 'business-hours', rotation: 'run' }, { rotation: 'oncall' }],
    },
    with: {
      ...BASE,
      rotations: { run: rotation('business-hours'), oncall: rotation('off-hours') },
      routing: [{ during: 'business-hours', rotation: 'run' }, { rotation: 'oncall' }],
    },
    org: { ...ORG, holidays: { country: 'FR' } },
    withOrg: { ...ORG, holidays: { country: 'FR', offHours: true } },
  },
  'urgency-low': {
    without: twoRotations([{ during: 'business-hours', rotation: 'run' }, { rotation: 'oncall' }]),
    with: twoRotations([
      { during: 'business-hours', rotation: 'run' },
      { rotation: 'oncall', urgency: 'low' },
    ]),
  },
  // On Opsgenie and Datadog a service is the `service:` tag of its alerts: the second one has an alert.
  services: {
    without: { ...BASE, alerts: { 'web-errors': webAlert('api') } },
    with: { ...BASE, services: { api: { name: 'API' }, web: { name: 'Web' } }, alerts: { 'web-errors': webAlert('web') } },
  },
  'service-promise': { without: BASE, with: { ...BASE, services: { api: { name: 'API', coverage: 'business-hours' } } } },
  'service-outside-low': {
    without: { ...BASE, services: { api: { name: 'API', coverage: 'business-hours' } } },
    with: { ...BASE, services: { api: { name: 'API', coverage: 'business-hours', outsideCoverage: 'low' } } },
    beyond: { ...BASE, services: { api: { name: 'API', coverage: 'business-hours', outsideCoverage: 'low' } } },
  },
  'email-intake': { without: BASE, with: { ...BASE, intake: { email: true } } },
  alerts: {
    without: BASE,
    with: {
      ...BASE,
      alerts: {
        'api-errors': {
          title: 'API errors',
          kind: 'metric',
          severity: 'P2',
          query: 'sum:errors{service:api}.as_count()',
          thresholds: { critical: '> 5' },
          runbook: 'https://wiki.example.org/api',
        },
      },
    },
  },
  'status-page': { without: BASE, with: { ...BASE, services: { api: { name: 'API', statusPage: 'API' } } } },
  phone: { without: BASE, with: { ...BASE, phone: { number: '+33199000101' } } },
  // People are described in org.yaml: `with` is BASE again, in an organisation where ana says how she is reached.
  notify: {
    without: BASE,
    with: BASE,
    withOrg: {
      ...ORG,
      people: { ...ORG.people, ana: { ...ORG.people.ana, notify: { high: ['call', 'sms', { email: '5m' }], low: ['email'] } } },
    },
  },
};

function tree(squad: Squad, org: Squad = ORG): SourceTree {
  return {
    root: 'teams',
    files: new Map([
      ['org.yaml', stringify(org)],
      ['core/team.yaml', stringify(squad)],
    ]),
    oversized: new Map(),
  };
}

function check(squad: Squad, backend: Backend, org?: Squad) {
  const stackFile = parseStackFile('stacks/Pulumi.matrix.yaml', 'matrix', `config:\n  oncall:backend: ${backend}\n`);
  const result = analyse(tree(squad, org), NOW, { stacks: [stackFile.stack!], problems: stackFile.problems });
  const errors = result.problems.filter((p) => p.severity === 'error');
  const resources =
    result.organisation && errors.length === 0
      ? renderStack(result.organisation, { now: NOW, name: 'matrix', backend }).resources
      : undefined;
  return { errors, resources };
}

describe('the capability matrix', () => {
  it('has an example of every feature, and every example is a feature', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(CAPABILITIES.map((c) => c.id).sort());
  });

  describe.each(CAPABILITIES.flatMap((c) => BACKENDS.map((b) => [c.id, b] as const)))('%s on %s', (id, backend) => {
    const capability = CAPABILITIES.find((c) => c.id === id)!;
    const cell = capability.backends[backend];
    const example = EXAMPLES[id]!;

    it(cell.kind === 'refused' ? `is refused by validate with ${cell.code}` : 'is rendered: the stack changes with it', () => {
      const without = check(example.without, backend, example.org);
      expect(without.errors).toEqual([]);
      const withIt = check(example.with, backend, example.withOrg ?? example.org);
      if (cell.kind === 'refused') {
        const refusal = withIt.errors.find((e) => e.code === cell.code);
        expect(refusal, `${cell.code} expected among ${JSON.stringify(withIt.errors)}`).toBeDefined();
        expect(refusal!.file).toBe('teams/core/team.yaml');
        expect(refusal!.line).toBeGreaterThan(1);
      } else {
        expect(withIt.errors).toEqual([]);
        if (capability.renders !== false) expect(JSON.stringify(withIt.resources)).not.toBe(JSON.stringify(without.resources));
      }
    });

    if (capability.renders === false && cell.kind === 'rendered') {
      it(`goes beyond its limits with ${(cell.limits ?? []).join(', ')}`, () => {
        const beyond = check(example.beyond!, backend);
        for (const code of cell.limits ?? []) expect(beyond.errors.map((e) => e.code)).toContain(code);
      });
    }
  });

  it('documents every code it names in docs/problems.md', () => {
    const problems = readFileSync(join(ROOT, 'docs', 'problems.md'), 'utf8');
    const codes = CAPABILITIES.flatMap((c) =>
      Object.values(c.backends).flatMap((cell) => (cell.kind === 'refused' ? [cell.code] : (cell.limits ?? []))),
    );
    for (const code of new Set(codes)) expect(problems, code).toContain(`\`${code}\``);
  });

  it("is the README's backend table", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('<!-- capabilities:end -->');
    expect(withCapabilityTable(readme)).toBe(readme);
  });
});
