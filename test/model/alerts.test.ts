/** The model's alerts: one variant per kind, defaults applied as documented, durations and thresholds parsed. */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { alertFingerprint } from '../../modules/model/alert-fingerprint';
import type { Alert } from '../../modules/model/types';
import { schemas } from '../../modules/spec/schema';
import { fixtureTree, withFiles } from '../helpers';

const FILE = 'storefront/alerts/more.yaml';

/** Alerts of every kind leaving out every optional field. */
const BARE = `alerts:
  bare-metric:
    title: CPU is high
    kind: metric
    severity: P3
    query: avg:system.cpu.user{*} by {host}
    thresholds: { critical: "> 90", warning: ">= 80" }
  bare-log:
    title: Errors are logged
    kind: log
    severity: P4
    query: service:shop status:error
    thresholds: { critical: "> 100" }
    noData: 1h
  bare-service-check:
    title: The shop answers TCP
    kind: service-check
    severity: P4
    query: tcp.can_connect
    thresholds: { critical: "> 2" }
  bare-http:
    title: The home page answers
    kind: http-check
    severity: P4
    request: { url: "https://www.acme.example/" }
    renotify: 30m
  bare-journey:
    title: The cart works
    kind: multistep-check
    severity: P4
    steps:
      - name: Add to cart
        request: { url: "https://www.acme.example/api/cart" }
  bare-slo:
    title: The shop is available
    kind: slo
    severity: P4
    slo: { target: 99.5, good: "sum:ok{*}", total: "sum:all{*}" }
`;

function alertsOf(text: string): Map<string, Alert> {
  const { organisation, problems } = loadOrganisation(withFiles({ [FILE]: text }, fixtureTree()));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return new Map([...organisation!.alerts].filter(([id]) => text.includes(`  ${id}:`)));
}

function get<K extends Alert['kind']>(alerts: Map<string, Alert>, id: string, kind: K): Extract<Alert, { kind: K }> {
  const a = alerts.get(id);
  expect(a?.kind).toBe(kind);
  return a as Extract<Alert, { kind: K }>;
}

/** The default the schema documents for a field of an alert (`default \`5m\``, `default 200`). */
function documentedDefault(...path: string[]): string {
  let node = (schemas.team as { $defs: { alert: unknown } }).$defs.alert as {
    properties?: Record<string, unknown>;
    items?: unknown;
    description?: string;
  };
  for (const key of path) node = (key === '[]' ? node.items : node.properties?.[key]) as typeof node;
  const m = /default `?([^`;,]+)`?/.exec(node.description ?? '');
  if (!m?.[1]) throw new Error(`no documented default for ${path.join('.')}`);
  return m[1];
}

describe('alerts in the model', () => {
  const alerts = alertsOf(BARE);

  it('apply every default the schema documents', () => {
    const metric = get(alerts, 'bare-metric', 'metric');
    expect(metric.window.text).toBe(documentedDefault('window'));
    expect(get(alerts, 'bare-log', 'log').window.text).toBe(documentedDefault('window'));
    const http = get(alerts, 'bare-http', 'http-check');
    expect(http.every.text).toBe(documentedDefault('every'));
    expect(http.request.method).toBe(documentedDefault('request', 'method'));
    expect(String(http.expect.status)).toBe(documentedDefault('expect', 'status'));
    const journey = get(alerts, 'bare-journey', 'multistep-check');
    expect(journey.every.text).toBe(documentedDefault('every'));
    expect(journey.steps[0]!.request.method).toBe(documentedDefault('steps', '[]', 'request', 'method'));
    expect(String(journey.steps[0]!.expect.status)).toBe(documentedDefault('steps', '[]', 'expect', 'status'));
    expect(get(alerts, 'bare-slo', 'slo').slo.window).toBe(documentedDefault('slo', 'window'));
  });

  it('give checks of both kinds the same default locations', () => {
    const http = get(alerts, 'bare-http', 'http-check');
    expect(http.locations.length).toBeGreaterThan(0);
    expect(get(alerts, 'bare-journey', 'multistep-check').locations).toEqual(http.locations);
  });

  it('parse durations into seconds and keep them as written', () => {
    expect(get(alerts, 'bare-metric', 'metric').window.seconds).toBe(5 * 60);
    expect(get(alerts, 'bare-log', 'log').noData).toMatchObject({ seconds: 3600, text: '1h' });
    expect(get(alerts, 'bare-http', 'http-check').renotify).toMatchObject({ seconds: 1800, text: '30m' });
    expect(get(alerts, 'bare-metric', 'metric').noData).toBeUndefined();
  });

  it('parse thresholds into a comparison and a number', () => {
    const metric = get(alerts, 'bare-metric', 'metric');
    expect(metric.thresholds.critical).toEqual({ op: '>', value: 90, number: '90', text: '> 90' });
    expect(metric.thresholds.warning).toEqual({ op: '>=', value: 80, number: '80', text: '>= 80' });
    expect(get(alerts, 'bare-service-check', 'service-check').thresholds.warning).toBeUndefined();
  });

  it('hold only the fields of their kind', () => {
    const metric = get(alerts, 'bare-metric', 'metric');
    for (const field of ['every', 'locations', 'request', 'steps', 'slo']) expect(field in metric, field).toBe(false);
    const check = get(alerts, 'bare-service-check', 'service-check');
    expect('window' in check).toBe(false);
    const slo = get(alerts, 'bare-slo', 'slo');
    for (const field of ['query', 'thresholds', 'window', 'every']) expect(field in slo, field).toBe(false);
  });

  it('have empty lists, not absent ones, for what is left out', () => {
    for (const a of alerts.values()) {
      expect([a.tags, a.notify, a.dashboards, a.silences]).toEqual([[], [], [], []]);
    }
  });
});

describe('an alert fingerprint (what a pull request changed)', () => {
  const before = alertsOf(BARE);
  const fingerprints = (text: string) => new Map([...alertsOf(text)].map(([id, a]) => [id, alertFingerprint(a)]));
  const base = new Map([...before].map(([id, a]) => [id, alertFingerprint(a)]));

  it('does not change when a default is written out', () => {
    const explicit = BARE.replace(
      '    thresholds: { critical: "> 90", warning: ">= 80" }',
      '    thresholds: { critical: "> 90", warning: ">= 80" }\n    window: 5m',
    )
      .replace(
        '    request: { url: "https://www.acme.example/" }',
        '    request: { url: "https://www.acme.example/", method: GET }\n    expect: { status: 200 }\n    every: 5m',
      )
      .replace('total: "sum:all{*}" }', 'total: "sum:all{*}", window: 30d }');
    expect(explicit).not.toBe(BARE);
    expect(fingerprints(explicit)).toEqual(base);
  });

  it('does not change when the alert moves in its file', () => {
    const [head, ...rest] = BARE.split('\n  bare-log:');
    const moved = `${head}\n\n\n  bare-log:${rest.join('')}`;
    const after = alertsOf(moved);
    expect(after.get('bare-log')!.source.line).not.toBe(before.get('bare-log')!.source.line);
    expect(fingerprints(moved)).toEqual(base);
  });

  it('changes with what the alert means', () => {
    const changed = fingerprints(
      BARE.replace('critical: "> 90"', 'critical: "> 95"').replace(
        'request: { url: "https://www.acme.example/" }',
        'request: { url: "https://www.acme.example/", method: HEAD }',
      ),
    );
    expect([...changed].filter(([id, f]) => base.get(id) !== f).map(([id]) => id)).toEqual(['bare-metric', 'bare-http']);
  });
});
