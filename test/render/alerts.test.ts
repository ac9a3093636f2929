/** Monitors, checks, SLOs and the status page in each example stack's plan. */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import type { Backend, DesiredResource } from '../../modules/render/desired';
import { renderStack } from '../../modules/render/stack';
import { expectGolden } from '../golden';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backendProblems } from '../../modules/render/backend-constraints';
import { parseStackFile, type StackSpec } from '../../modules/spec/stacks';
import { errorsOf, FIXTURE_DIR, fixtureTree, lineOf, withEdit, NOW } from '../helpers';

const org = loadOrganisation(fixtureTree()).organisation!;
const HANDLES: Record<Backend, (service: string, squad: string) => string> = {
  pagerduty: (service) => `@pagerduty-${service}`,
  opsgenie: (_s, squad) => `@opsgenie-${squad}`,
  datadog: (_s, squad) => `@oncall-${squad}`,
};

function alertsOf(backend: Backend): DesiredResource[] {
  return renderStack(org, { now: NOW, name: 'test', backend }).resources.filter(
    (r) =>
      r.type.startsWith('datadog:index/monitor') ||
      r.type.startsWith('datadog:index/synthetics') ||
      r.type.startsWith('datadog:index/serviceLevel') ||
      r.type.startsWith('datadog:index/statusPage') ||
      r.type.startsWith('datadog:pagerduty') ||
      r.type.startsWith('datadog:opsgenie'),
  );
}

describe.each(['pagerduty', 'opsgenie', 'datadog'] as Backend[])('%s stack', (backend) => {
  const resources = alertsOf(backend);

  it('renders every example alert as a monitor or synthetic check, named, tagged, prioritised and routed', () => {
    for (const alert of org.alerts.values()) {
      if (alert.kind === 'slo') {
        expect(resources.filter((x) => x.name.startsWith(`${alert.id}-`)).map((x) => x.type)).toEqual([
          'datadog:index/serviceLevelObjective:ServiceLevelObjective',
          'datadog:index/monitor:Monitor',
          'datadog:index/monitor:Monitor',
        ]);
        continue;
      }
      const r = resources.find((x) => x.name === `${alert.id}-monitor` || x.name === `${alert.id}-check`);
      expect(r, alert.id).toBeDefined();
      expect(r!.type).toBe(
        alert.kind.endsWith('check') && alert.kind !== 'service-check'
          ? 'datadog:index/syntheticsTest:SyntheticsTest'
          : 'datadog:index/monitor:Monitor',
      );
      const i = r!.inputs as Record<string, any>;
      expect(i.name).toBe(`[${alert.service}][${alert.squad}] ${alert.title}`);
      expect(i.tags).toEqual(
        expect.arrayContaining([
          `team:${alert.squad}`,
          `service:${alert.service}`,
          `severity:${alert.severity.toLowerCase()}`,
          `alert-id:${alert.id}`,
          'managed-by:oncall-as-code',
        ]),
      );
      const priority = r!.type.endsWith('Monitor') ? i.priority : String(i.optionsList.monitorPriority);
      expect(priority).toBe(alert.severity.slice(1));
      const handle = HANDLES[backend](alert.service, alert.squad);
      // In both the alert and the recovery parts, so that pages resolve by themselves.
      expect(i.message).toContain(`{{#is_alert}}${handle}{{/is_alert}}`);
      expect(i.message).toContain(`{{#is_recovery}}${handle}{{/is_recovery}}`);
      expect(i.message).toMatch(/Runbook: https:\/\//);
    }
  });

  it('the home-page check asserts status 200 and a body containing "Ajouter au panier"', () => {
    const home = resources.find((r) => r.name === 'shop-home-page-check')!.inputs as Record<string, any>;
    expect(home).toMatchObject({
      type: 'api',
      subtype: 'http',
      requestDefinition: { method: 'GET', url: 'https://www.acme.example/' },
      locations: ['aws:eu-west-3', 'aws:eu-central-1'],
    });
    expect(home.assertions).toEqual([
      { type: 'statusCode', operator: 'is', target: '200' },
      { type: 'body', operator: 'contains', target: 'Ajouter au panier' },
    ]);
    expect(home.optionsList.tickEvery).toBe(60);
    const checkout = resources.find((r) => r.name === 'shop-checkout-check')!.inputs as Record<string, any>;
    expect(checkout.subtype).toBe('multi');
    expect(checkout.apiSteps.map((s: any) => s.name)).toEqual(['Add a book to the cart', 'Pay with the test card']);
    expect(checkout.apiSteps[0].extractedValues).toEqual([
      { name: 'CART_ID', type: 'http_body', parser: { type: 'json_path', value: '$.id' } },
    ]);
  });

  it('builds monitor queries with the window and the critical comparison; warnings in the same direction', () => {
    const tls = resources.find((r) => r.name === 'platform-tls-expiring-monitor')!.inputs as Record<string, any>;
    expect(tls.query).toBe('avg(last_1h):min:tls.days_left{*} by {server_name} < 14');
    expect(tls.monitorThresholds).toEqual({ critical: '14', warning: '30' });
    const rate = resources.find((r) => r.name === 'shop-5xx-rate-monitor')!.inputs as Record<string, any>;
    expect(rate).toMatchObject({ type: 'query alert', notifyNoData: true, noDataTimeframe: 15 });
    expect(rate.message).toContain('Dashboard: https://app.datadoghq.eu/dashboard/shop-overview');
  });

  it('has the status page with the components "Boutique en ligne" and "Paiement", protected, in a stable order', () => {
    const page = resources.find((r) => r.type === 'datadog:index/statusPage:StatusPage')!;
    expect(page.options?.protect).toBe(true);
    const components = resources.filter((r) => r.type === 'datadog:index/statusPageComponent:StatusPageComponent');
    expect(components.map((c) => [c.inputs.name, c.inputs.position, c.options?.protect])).toEqual([
      ['Boutique en ligne', 0, true],
      ['Paiement', 1, true],
    ]);
    expect(components[1]!.options?.dependsOn).toEqual([components[0]!.name]);
  });

  it('matches the golden file', () => {
    expectGolden(`alerts/${backend}.json`, `${JSON.stringify(resources, null, 2)}\n`);
  });
});

describe('SLOs and non-paging alerts', () => {
  it('an SLO alert renders the objective and a fast and a slow burn-rate alert naming it', () => {
    const tree = withEdit(
      'payments/team.yaml',
      'alerts:\n',
      'alerts:\n  payments-availability:\n    title: Payments succeed\n    kind: slo\n    severity: P2\n    slo: { target: 99.9, window: 30d, good: "sum:payments.ok{*}.as_count()", total: "sum:payments.all{*}.as_count()" }\n    runbook: runbooks/api-error-rate.md\n',
      fixtureTree(),
    );
    const resources = renderStack(loadOrganisation(tree).organisation!, { now: NOW, name: 't', backend: 'datadog' }).resources;
    const slo = resources.find((r) => r.name === 'payments-availability-slo')!;
    expect(slo.inputs).toMatchObject({
      type: 'metric',
      query: { numerator: 'sum:payments.ok{*}.as_count()', denominator: 'sum:payments.all{*}.as_count()' },
      thresholds: [{ timeframe: '30d', target: 99.9 }],
    });
    const burns = resources.filter((r) => r.name.startsWith('payments-availability-') && r.name.endsWith('burn-monitor'));
    expect(burns.map((b) => b.inputs.query)).toEqual([
      {
        $concat: [
          'burn_rate("',
          { $ref: 'payments-availability-slo', property: 'id' },
          '").over("30d").long_window("1h").short_window("5m") > 14.4',
        ],
      },
      {
        $concat: [
          'burn_rate("',
          { $ref: 'payments-availability-slo', property: 'id' },
          '").over("30d").long_window("6h").short_window("30m") > 6',
        ],
      },
    ]);
    for (const b of burns) expect(b.inputs.message).toContain('{{#is_alert}}@oncall-payments{{/is_alert}}');
  });

  it('an alert that does not page carries no paging handle, only its own notifications', () => {
    const tree = withEdit('platform/team.yaml', '    severity: P3\n', '    severity: P4\n    notify: ["@slack-platform"]\n', fixtureTree());
    const cpu = renderStack(loadOrganisation(tree).organisation!, { now: NOW, name: 't', backend: 'pagerduty' }).resources.find(
      (r) => r.name === 'platform-cpu-saturated-monitor',
    )!;
    expect(cpu.inputs.message).not.toContain('@pagerduty');
    expect(cpu.inputs.message).toContain('{{#is_alert}}@slack-platform{{/is_alert}}');
  });

  it('a stack for a subset of squads leaves the organisation-wide status page alone', () => {
    const resources = renderStack(org, { now: NOW, name: 't', backend: 'datadog', teams: ['storefront'] }).resources;
    expect(resources.some((r) => r.type.startsWith('datadog:index/statusPage'))).toBe(false);
    expect(resources.some((r) => r.name === 'shop-home-page-check')).toBe(true);
    expect(resources.some((r) => r.name === 'payments-api-health-check')).toBe(false);
  });
});

describe('what `query` holds for each monitor kind', () => {
  const addAlert = (yaml: string) => withEdit('platform/team.yaml', 'alerts:\n', `alerts:\n${yaml}`, fixtureTree());
  const render = (tree: ReturnType<typeof addAlert>, id: string) =>
    renderStack(loadOrganisation(tree).organisation!, { now: NOW, name: 't', backend: 'datadog' }).resources.find(
      (r) => r.name === `${id}-monitor`,
    )!.inputs as Record<string, any>;

  it('a log alert wraps the log search once; a full logs(…) query is refused where it is written', () => {
    const tree = addAlert(
      '  errs:\n    title: Errors\n    kind: log\n    severity: P3\n    query: \'service:shop status:error\'\n    window: 1h\n    thresholds: { critical: "> 10" }\n',
    );
    // The form documented for log alerts: logs(query).index(index_name).rollup(rollup_method).last(time_window) operator #
    // (DataDog/datadog-api-client-typescript .generator/schemas/v1/openapi.yaml, CreateMonitor).
    expect(render(tree, 'errs').query).toBe('logs("service:shop status:error").index("*").rollup("count").last("1h") > 10');
    const full = addAlert(
      '  errs:\n    title: Errors\n    kind: log\n    severity: P3\n    query: \'logs("service:shop").index("*").rollup("count").last("5m") > 1\'\n    thresholds: { critical: "> 10" }\n',
    );
    const errors = errorsOf(full);
    expect(errors.map((e) => [e.code, e.line])).toEqual([['alert/query-shape', lineOf('platform/team.yaml', "query: 'logs(", full)]]);
  });

  it('a service check counts check runs: `.last(N).count_by_status()` from the thresholds, and no `window`', () => {
    const tree = addAlert(
      '  up:\n    title: Up\n    kind: service-check\n    severity: P2\n    query: http.can_connect\n    thresholds: { critical: ">= 3", warning: "> 0" }\n',
    );
    // "check".over(tags).last(count).count_by_status(); count ≥ the largest threshold (CreateMonitor, Service Check Query).
    expect(render(tree, 'up')).toMatchObject({
      type: 'service check',
      query: '"http.can_connect".over("*").last(3).count_by_status()',
      monitorThresholds: { critical: '3', warning: '1', ok: '1' },
    });
    const windowed = addAlert(
      '  up:\n    title: Up\n    kind: service-check\n    severity: P2\n    query: http.can_connect\n    window: 5m\n    thresholds: { critical: ">= 3" }\n',
    );
    expect(errorsOf(windowed).map((e) => e.code)).toEqual(['alert/field-not-for-kind']);
  });

  it('a metric alert over two days uses a window Datadog accepts (last_48h, not last_2d)', () => {
    const tree = addAlert(
      '  slow:\n    title: Slow\n    kind: metric\n    severity: P3\n    query: avg:x{*}\n    window: 2d\n    thresholds: { critical: "> 1" }\n',
    );
    expect(render(tree, 'slow').query).toBe('avg(last_48h):avg:x{*} > 1');
    const full = addAlert(
      '  slow:\n    title: Slow\n    kind: metric\n    severity: P3\n    query: avg(last_5m):avg:x{*} > 1\n    thresholds: { critical: "> 1" }\n',
    );
    expect(errorsOf(full).map((e) => e.code)).toEqual(['alert/query-shape']);
  });
});

describe('Datadog stack constraints', () => {
  const stack = (name: string, backend: 'datadog' | 'pagerduty', extra = ''): StackSpec => {
    const file = `stacks/Pulumi.${name}.yaml`;
    return parseStackFile(file, name, `config:\n  oncall:backend: ${backend}\n${extra}`).stack!;
  };

  it('e-mail intake on a Datadog On-Call stack is an error at `intake.email`', () => {
    const problems = backendProblems(org, [stack('dd', 'datadog', '  datadog:apiUrl: https://api.datadoghq.eu/\n')]);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['backend/datadog-email-intake', 'teams/platform/team.yaml', lineOf('platform/team.yaml', '  email: true', fixtureTree())],
    ]);
  });

  it('a stack registering Datadog resources without `datadog:apiUrl` is warned about', () => {
    expect(backendProblems(org, [stack('pd', 'pagerduty')]).map((p) => [p.code, p.severity])).toEqual([['stack/datadog-site', 'warning']]);
    expect(backendProblems(org, [stack('pd', 'pagerduty', '  datadog:apiUrl: https://api.datadoghq.eu/\n')])).toEqual([]);
  });

  it('every stack of the fixture names the EU Datadog site of its organisation', () => {
    for (const dir of [join(FIXTURE_DIR, '..', 'stacks')]) {
      const files = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
      expect(files.length).toBe(3);
      for (const f of files) {
        const s = parseStackFile(f, f, readFileSync(join(dir, f), 'utf8')).stack!;
        expect(s.datadogApiUrl, `${dir}/${f}`).toBe('https://api.datadoghq.eu/');
      }
    }
  });
});

describe('what Datadog On-Call cannot route', () => {
  it('an alert naming a policy the routing does not use at all hours is an error at its `escalation`', () => {
    const tree = withEdit(
      'payments/team.yaml',
      '    runbook: runbooks/queue-depth.md\n',
      '    runbook: runbooks/queue-depth.md\n    escalation: other\n',
      withEdit(
        'payments/team.yaml',
        /escalations:\n([\s\S]*)    rotation: run\n  - rotation: oncall\n/,
        'escalations:\n  other:\n    steps:\n      - notify: manager\n$1    rotation: run\n    escalation: standard-4h\n  - rotation: oncall\n    escalation: standard-4h\n',
        fixtureTree(),
      ),
    );
    const loaded = loadOrganisation(tree).organisation!;
    const dd = parseStackFile('s.yaml', 'dd', 'config:\n  oncall:backend: datadog\n  datadog:apiUrl: https://api.datadoghq.eu/\n').stack!;
    const problems = backendProblems(loaded, [dd]).filter((p) => p.code === 'backend/datadog-alert-escalation');
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['teams/payments/team.yaml', lineOf('payments/team.yaml', '    escalation: other', tree)],
    ]);
  });
});
