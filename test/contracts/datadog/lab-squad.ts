/** A crafted squad for the Datadog contract tests, beside the fixture organisation. */
import type { SourceTree } from '../../../modules/spec/source';
import { fixtureTree, withFiles } from '../../helpers';

/** A squad with every coverage shape, roster changes and overrides on both sides of `now`, and every alert kind. */
export const LAB = `name: Lab
manager: manon
members: [alice, bruno, chloe, hugo]
rotations:
  always:
    members: [alice, bruno, chloe]
    start: 2025-10-06
    changes:
      - { from: 2026-02-02, members: [bruno, chloe, alice] }
      - { from: 2026-09-07, members: [chloe, alice] }
    overrides:
      - { person: hugo, start: 2025-12-24 18:00, end: 2025-12-26 09:00, reason: past }
      - { person: hugo, start: 2026-03-28 20:00, end: 2026-03-29 10:00, reason: across the spring change }
  days:
    members: [alice, bruno]
    start: 2026-01-05
    coverage: business-hours
  nights:
    members: [chloe, hugo]
    start: 2026-01-05
    coverage: off-hours
  daily:
    members: [alice, chloe]
    start: 2026-01-05
    coverage: [{ days: every-day, from: "08:00", to: "20:00" }]
  weekdays:
    members: [bruno, hugo]
    start: 2026-01-05
    coverage: [{ days: monday-thursday, from: "07:30", to: "16:30" }, { days: friday, from: "07:30", to: "12:00" }]
  overnight:
    members: [alice, hugo]
    start: 2026-01-05
    handoff: "22:00"
    every: 1d
    coverage: [{ days: every-day, from: "22:00", to: "06:00" }]
  hourly:
    members: [alice, bruno, chloe]
    start: 2026-03-27
    handoff: "02:00"
    every: 12h
  ny:
    members: [bruno, chloe]
    start: 2026-03-02
    timezone: America/New_York
    handoff: monday 02:00
escalations:
  lab:
    name: Lab
    responseTarget: 2h
    repeat: 3
    steps:
      - notify: on-call
      - after: 15m
        notify: [{ rotation: nights }, { person: hugo }, manager]
      - after: 30m
        notify: { rotation: storefront/oncall }
routing:
  - during: business-hours
    rotation: days
  - rotation: always
services:
  lab-api:
    name: Lab API
    statusPage: { name: Lab, group: Laboratoire }
alerts:
  lab-latency:
    title: Lab latency
    kind: metric
    severity: P2
    query: avg:trace.http.request.duration{service:lab} by {resource_name}
    window: 2d
    thresholds: { critical: "> 2", warning: "> 1" }
    renotify: 1h
    noData: 30m
    runbook: https://wiki.acme.example/lab
  lab-errors:
    title: Lab error logs
    kind: log
    severity: P3
    query: 'service:lab status:error "connection refused"'
    window: 1h
    thresholds: { critical: "> 10" }
    runbook: https://wiki.acme.example/lab
  lab-up:
    title: Lab agent check
    kind: service-check
    severity: P2
    query: '"http.can_connect".over("instance:lab").by("host")'
    thresholds: { critical: ">= 3", warning: "> 0" }
    runbook: https://wiki.acme.example/lab
  lab-ping:
    title: Lab process
    kind: service-check
    severity: P4
    query: process.up
    thresholds: { critical: ">= 1" }
    runbook: https://wiki.acme.example/lab
  lab-home:
    title: Lab home page
    kind: http-check
    severity: P2
    request: { url: "https://lab.acme.example/" }
    expect: { status: 200, bodyContains: Lab, maxResponseTime: 3s }
    every: 30s
    runbook: https://wiki.acme.example/lab
  lab-journey:
    title: Lab journey
    kind: multistep-check
    severity: P2
    steps:
      - name: login
        request: { method: POST, url: "https://lab.acme.example/login", body: "{}" }
        expect: { status: 200 }
        extract: { TOKEN: $.token }
      - name: me
        request: { url: "https://lab.acme.example/me", headers: { Authorization: "Bearer {{TOKEN}}" } }
    runbook: https://wiki.acme.example/lab
  lab-slo:
    title: Lab availability
    kind: slo
    severity: P2
    slo: { target: 99.5, window: 7d, good: "sum:lab.ok{*}.as_count()", total: "sum:lab.all{*}.as_count()" }
    runbook: https://wiki.acme.example/lab
`;

export function lab(): SourceTree {
  return withFiles({ 'lab/team.yaml': LAB }, fixtureTree());
}
