/**
 * Completion snippets editors offer for a new rotation, escalation policy, service and alert. `${n:text}` is a
 * place to type, in order. Editors insert the strings as they are, unquoted: a value YAML would read otherwise is
 * quoted here (`"> 80"`). With the placeholders' texts, each is valid as it is (test/editor/snippets.test.ts).
 */
import type { Snippet } from './editor';

export const ROTATION_SNIPPETS: Snippet[] = [
  {
    label: 'weekly rotation',
    description: 'people taking turns every week, handing off on Monday morning',
    body: {
      members: ['${1:alice}', '${2:bob}'],
      start: '${3:2026-01-05}',
      every: '${4:1w}',
      handoff: '${5:monday 09:00}',
      timezone: '${6:Europe/Paris}',
    },
  },
];

export const ESCALATION_SNIPPETS: Snippet[] = [
  {
    label: 'escalation policy',
    description: 'the on-call person, then a second rotation, then the manager',
    body: {
      steps: [
        { notify: 'on-call' },
        { after: '${1:15m}', notify: { rotation: '${2:secondary}' } },
        { after: '${3:30m}', notify: 'manager' },
      ],
    },
  },
];

export const SERVICE_SNIPPETS: Snippet[] = [
  {
    label: 'service with a promise',
    description: 'a service whose alerts page during business hours, answered within 4 hours',
    body: {
      name: '${1:Online shop}',
      coverage: '${2:business-hours}',
      timezone: '${3:Europe/Paris}',
      responseTarget: '${4:4h}',
      outsideCoverage: '${5:none}',
    },
  },
];

const common = (title: string, severity: string) => ({ title: `\${1:${title}}`, severity: `\${2:${severity}}` });

export const ALERT_SNIPPETS: Snippet[] = [
  {
    label: 'metric alert',
    description: 'a metric crosses a threshold',
    body: {
      ...common('CPU above 80%', 'P2'),
      kind: 'metric',
      query: '${3:avg:system.cpu.user}',
      window: '${4:5m}',
      thresholds: { critical: '"${5:> 80}"' },
      runbook: '${6:runbooks/cpu.md}',
    },
  },
  {
    label: 'log alert',
    description: 'too many matching log lines',
    body: {
      ...common('Payment errors in the logs', 'P3'),
      kind: 'log',
      query: '${3:service:payments status:error}',
      window: '${4:15m}',
      thresholds: { critical: '"${5:> 100}"' },
      runbook: '${6:runbooks/payment-errors.md}',
    },
  },
  {
    label: 'service-check alert',
    description: 'an agent check fails several runs in a row',
    body: {
      ...common('Database unreachable', 'P1'),
      kind: 'service-check',
      query: '${3:postgres.can_connect}',
      thresholds: { critical: '"${4:>= 3}"' },
      runbook: '${5:runbooks/database.md}',
    },
  },
  {
    label: 'http-check alert',
    description: 'a URL answers, fast enough',
    body: {
      ...common('Home page answers', 'P1'),
      kind: 'http-check',
      request: { url: '${3:https://www.example.com/}' },
      expect: { status: 200, maxResponseTime: '${4:2s}' },
      every: '${5:1m}',
      runbook: '${6:runbooks/home-page.md}',
    },
  },
  {
    label: 'multistep-check alert',
    description: 'a journey of several requests succeeds',
    body: {
      ...common('Sign-in journey completes', 'P2'),
      kind: 'multistep-check',
      steps: [{ name: '${3:Open the sign-in page}', request: { url: '${4:https://www.example.com/login}' }, expect: { status: 200 } }],
      every: '${5:5m}',
      runbook: '${6:runbooks/sign-in.md}',
    },
  },
  {
    label: 'slo alert',
    description: 'an objective of good events over all events',
    body: {
      ...common('99.9% of requests succeed over 30 days', 'P2'),
      kind: 'slo',
      slo: {
        target: 99.9,
        window: '30d',
        good: 'sum:trace.http.request.hits{service:${3:shop},!http.status_class:5xx}.as_count()',
        total: 'sum:trace.http.request.hits{service:${4:shop}}.as_count()',
      },
      runbook: '${5:runbooks/availability.md}',
    },
  },
];
