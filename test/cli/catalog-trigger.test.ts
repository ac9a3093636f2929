/** The catalog's trigger criteria, written from the model's alert when neither the runbook nor a description says it. */
import { describe, expect, it } from 'vitest';
import { squadPage } from '../../modules/cli/format/catalog';
import { loadOrganisation } from '../../modules/model/load';
import { fixtureTree, withFiles } from '../helpers';

const ALERTS = `alerts:
  cpu-high:
    title: CPU is high
    kind: metric
    severity: P3
    query: avg:system.cpu.user{*}
    thresholds: { critical: "> 90", warning: "> 80" }
  tcp-down:
    title: The shop answers TCP
    kind: service-check
    severity: P4
    query: tcp.can_connect
    thresholds: { critical: ">= 3" }
  home-up:
    title: The home page answers
    kind: http-check
    severity: P4
    request: { url: "https://www.acme.example/" }
    expect: { bodyContains: Welcome }
  cart-works:
    title: The cart works
    kind: multistep-check
    severity: P4
    every: 10m
    steps:
      - { name: Add, request: { url: "https://www.acme.example/add" } }
      - { name: Pay, request: { url: "https://www.acme.example/pay", method: POST } }
`;

describe('catalog trigger criteria', () => {
  const { organisation } = loadOrganisation(withFiles({ 'storefront/alerts/more.yaml': ALERTS }, fixtureTree()));
  const page = squadPage(organisation!, organisation!.squads.get('storefront')!);
  const trigger = (title: string): string => {
    const section = page.split('\n## ').find((s) => s.includes(title)) ?? '';
    return /\*\*Trigger criteria\*\*\n\n(.*)\n/.exec(section)?.[1] ?? '';
  };

  it('a metric alert: its query, thresholds and window (the default when not written)', () => {
    expect(trigger('CPU is high')).toBe('`avg:system.cpu.user{*}` > 90 over 5m (warning > 80).');
  });

  it('a service check counts failing check runs: no window', () => {
    expect(trigger('The shop answers TCP')).toBe('`tcp.can_connect` >= 3 failing check runs.');
  });

  it('checks: the request, the expected answer and the frequency, defaults applied', () => {
    expect(trigger('The home page answers')).toBe('GET https://www.acme.example/ must answer 200 and contain "Welcome", every 5m.');
    expect(trigger('The cart works')).toBe('Journey: Add → Pay, every 10m.');
  });
});
