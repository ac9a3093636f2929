/** Each readiness check on the tests' organisation with ONE thing changed: the right finding, at the right place. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, readiness } from '../../modules/checks';
import { READINESS_CHECKS } from '../../modules/core/readiness-checks';
import { loadOrganisation } from '../../modules/model/load';
import type { SourceTree } from '../../modules/spec/source';
import { fixtureTree, lineOf, ROOT, withEdit } from '../helpers';

const TODAY = '2026-11-22';

function findings(tree: SourceTree) {
  const { organisation, problems } = loadOrganisation(tree);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return readiness(organisation!, { today: TODAY });
}

/** An edit of the tests' own organisation (or of `base`). */

const SF = 'storefront/team.yaml';
const PAY = 'payments/team.yaml';

describe("readiness of the tests' organisation", () => {
  it('passes every check', () => {
    expect(findings(fixtureTree())).toEqual([]);
  });

  it('has one implementation and one documentation page per check name', () => {
    expect(CHECKS.map((c) => c.name).sort()).toEqual(Object.keys(READINESS_CHECKS).sort());
    for (const name of Object.keys(READINESS_CHECKS)) {
      expect(existsSync(join(ROOT, 'docs', 'checks', `${name}.md`)), name).toBe(true);
      expect(existsSync(join(ROOT, 'modules', 'checks', `${name}.ts`)), name).toBe(true);
    }
  });
});

describe('each check finds its mistake', () => {
  it.each([
    {
      check: 'alert/runbook',
      tree: () => withEdit(SF, '    runbook: runbooks/checkout.md\n', ''),
      file: `teams/${SF}`,
      line: '  shop-checkout:',
      message: /`shop-checkout` has no runbook/,
    },
    {
      check: 'alert/runbook-sections',
      tree: () => withEdit('storefront/runbooks/checkout.md', '## Expected time\n30 minutes.\n', ''),
      file: 'teams/storefront/runbooks/checkout.md',
      line: 1,
      message: /runbook of `shop-checkout` lacks the section "Expected time"/,
    },
    {
      check: 'alert/runbook-https',
      tree: () =>
        withEdit(
          PAY,
          'runbook: https://wiki.acme.example/runbooks/payments/p99-latency',
          'runbook: http://wiki.acme.example/runbooks/payments/p99-latency',
        ),
      file: `teams/${PAY}`,
      line: '  payments-p99-latency:',
      message: /runbook of `payments-p99-latency` is not https/,
    },
    {
      check: 'alert/escalation-coverage',
      tree: () => withEdit(PAY, 'coverage: business-hours', 'coverage: [{ days: monday-thursday, from: "09:00", to: "18:00" }]'),
      file: `teams/${PAY}`,
      line: '  payments-api-health:',
      message: /`payments-api-health` can fire when squad `payments` routes it to nobody on call: Fri 09:00–Fri 18:00/,
      count: 4, // every paging alert of the squad
    },
    {
      check: 'alert/paging-severity',
      tree: () => withEdit(PAY, '    severity: P3\n', '    severity: P5\n    page: true\n'),
      file: `teams/${PAY}`,
      line: '  payments-queue-depth:',
      message: /`payments-queue-depth` is P5 but pages someone/,
    },
    {
      check: 'alert/thresholds',
      tree: () =>
        withEdit(
          'platform/team.yaml',
          'thresholds: { critical: "< 14", warning: "< 30" }',
          'thresholds: { critical: "< 14", warning: "> 30" }',
        ),
      file: 'teams/platform/team.yaml',
      line: '  platform-tls-expiring:',
      message: /critical `< 14` and warning `> 30` point in opposite directions/,
    },
    {
      check: 'alert/duplicate-name',
      tree: () => withEdit(PAY, 'title: Payment API p99 latency above 1.5 s', 'title: Payment API error rate above 2%'),
      file: `teams/${PAY}`,
      line: '  payments-api-error-rate:',
      message: /`payments-api-error-rate` has the same name as `payments-p99-latency`/,
      count: 2, // reported on both
    },
    {
      check: 'service/synthetic-check',
      tree: () => withEdit(PAY, /  payments-api-health:\n(    .*\n)+\n/, ''),
      file: `teams/${PAY}`,
      line: '  payment-api:',
      message: /customer-facing service `payment-api` \("Paiement"\) has no synthetic check/,
    },
    {
      check: 'service/paging-alert',
      tree: () => {
        let tree = withEdit(SF, '    severity: P1\n    request:', '    severity: P3\n    page: false\n    request:');
        tree = withEdit(SF, '    severity: P1\n    every: 5m', '    severity: P3\n    page: false\n    every: 5m', tree);
        tree = withEdit(
          SF,
          '    severity: P2\n    description: Availability',
          '    severity: P3\n    page: false\n    description: Availability',
          tree,
        );
        return withEdit(SF, '    severity: P2\n    query: sum:trace', '    severity: P3\n    page: false\n    query: sum:trace', tree);
      },
      file: `teams/${SF}`,
      line: '  shop:',
      message: /customer-facing service `shop` \("Boutique en ligne"\) has no alert that pages/,
    },
  ])(
    '$check',
    ({
      check,
      tree,
      file,
      line,
      message,
      count,
    }: {
      check: string;
      tree: () => SourceTree;
      file: string;
      line: string | number;
      message: RegExp;
      count?: number;
    }) => {
      const t = tree();
      const found = findings(t).filter((f) => f.code === check);
      expect(found).toHaveLength(count ?? 1);
      expect(found[0]!.severity).toBe('error');
      expect(found[0]!.file).toBe(file);
      expect(found[0]!.line).toBe(typeof line === 'number' ? line : lineOf(file.replace(/^teams\//, ''), line, t));
      expect(found[0]!.message).toMatch(message);
      // The finding names what it concerns: the squad owning the file, and the alert or service its message names.
      expect(found[0]!.squad).toBe(file.split('/')[1]);
      expect(found[0]!.message).toContain(`\`${found[0]!.alert ?? found[0]!.service}\``);
    },
  );
});

describe('severities and silences', () => {
  const noRunbook = () => withEdit(SF, '    runbook: runbooks/checkout.md\n', '');

  it('the organisation can make a check a warning, or turn it off', () => {
    const warning = withEdit(
      'org.yaml',
      '  pagingSeverities: [P1, P2, P3]',
      '  pagingSeverities: [P1, P2, P3]\n  checks: { alert/runbook: warning }',
      noRunbook(),
    );
    expect(findings(warning).map((f) => [f.code, f.severity])).toEqual([['alert/runbook', 'warning']]);
    const off = withEdit(
      'org.yaml',
      '  pagingSeverities: [P1, P2, P3]',
      '  pagingSeverities: [P1, P2, P3]\n  checks: { alert/runbook: off }',
      noRunbook(),
    );
    expect(findings(off)).toEqual([]);
  });

  it('an alert can silence a check with a reason until a date; after it the finding returns', () => {
    const silenced = (until: string) =>
      withEdit(
        SF,
        '    tags: [component:checkout]',
        `    tags: [component:checkout]\n    silence:\n      - { check: alert/runbook, reason: written with the vendor this week, until: ${until} }`,
        noRunbook(),
      );
    expect(findings(silenced('2026-11-30'))).toEqual([]);
    const expired = findings(silenced('2026-11-01'));
    expect(expired.map((f) => f.code)).toEqual(['alert/runbook']);
    expect(expired[0]!.message).toMatch(/\(its silence expired on 2026-11-01\)$/);
  });

  it('an unknown check name in a silence or in the settings is a positioned validation error', () => {
    const tree = withEdit(
      SF,
      '    tags: [component:checkout]',
      '    tags: [component:checkout]\n    silence:\n      - { check: alert/runbok, reason: x, until: 2026-12-01 }',
    );
    const errors = loadOrganisation(tree).problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'ref/unknown-check', line: lineOf(SF, 'alert/runbok', tree) });
    expect(errors[0]!.suggestion).toBe('did you mean `alert/runbook`?');
  });
});
