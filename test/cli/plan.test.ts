import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineOf, runCli, withEdit, writeTree } from '../helpers';
import { expectGolden } from '../golden';

type Resource = { type: string; name: string; inputs: Record<string, any> };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function plan(stack: string): Promise<{ stack: string; backend: string; resources: Resource[] }> {
  const run = await runCli(['plan', '--stack', stack, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

/** Local wall-clock handoff of an RFC 3339 time: `Monday 09:00`. */
function localHandoff(iso: string): string {
  const d = new Date(iso);
  const offset = iso.match(/([+-])(\d{2}):?(\d{2})$/);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(d.getTime() + minutes * 60_000);
  return `${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][local.getUTCDay()]} ${local.toISOString().slice(11, 16)}`;
}

describe('oncall plan for each example stack', () => {
  it('PagerDuty: schedules with Monday 09:00 Europe/Paris layers, the YAML delays, support hours for payments', async () => {
    const p = await plan('acme-pagerduty');
    expect(p).toMatchObject({ stack: 'acme-pagerduty', backend: 'pagerduty' });
    const schedules = p.resources.filter((r) => r.type === 'pagerduty:index/schedule:Schedule');
    expect(schedules.map((s) => s.name).sort()).toEqual([
      'payments-oncall-schedule',
      'payments-run-schedule',
      'platform-primary-schedule',
      'platform-secondary-schedule',
      'storefront-oncall-schedule',
    ]);
    for (const s of schedules) {
      expect(s.inputs.timeZone).toBe('Europe/Paris');
      for (const layer of s.inputs.layers) {
        expect(localHandoff(layer.rotationVirtualStart)).toBe('Monday 09:00');
        expect(layer.rotationTurnLengthSeconds).toBe(604800);
      }
    }
    const storefront = p.resources.find((r) => r.name === 'storefront-storefront-1h-escalation')!;
    expect(storefront.inputs.rules.map((r: any) => r.escalationDelayInMinutes)).toEqual([20, 20, 20]); // steps at 0, 20 and 40 minutes
    const payments = p.resources.find((r) => r.name === 'payments-standard-4h-escalation')!;
    expect(payments.inputs.rules.map((r: any) => r.escalationDelayInMinutes)).toEqual([30, 30, 180]);
    const service = p.resources.find((r) => r.name === 'payment-api-service')!;
    expect(service.inputs.supportHours).toEqual({
      type: 'fixed_time_per_day',
      timeZone: 'Europe/Paris',
      daysOfWeeks: [1, 2, 3, 4, 5],
      startTime: '09:00:00',
      endTime: '18:00:00',
    });
    expect(service.inputs.incidentUrgencyRule.type).toBe('use_support_hours');
    const overrides = p.resources.filter((r) => r.type === 'pulumi-nodejs:dynamic/pagerduty:ScheduleOverride');
    expect(overrides.map((o) => [o.inputs.start, o.inputs.end])).toEqual([
      ['2026-08-03T09:00:00+02:00', '2026-08-10T09:00:00+02:00'],
      ['2026-08-24T09:00:00+02:00', '2026-08-31T09:00:00+02:00'],
      ['2026-12-24T18:00:00+01:00', '2026-12-26T09:00:00+01:00'],
    ]);
  });

  it('Opsgenie: rotations weekly from Monday 09:00 in Europe/Paris schedules, delays since the alert, business-hours routing first', async () => {
    const p = await plan('acme-opsgenie');
    const rotations = p.resources.filter((r) => r.type === 'opsgenie:index/scheduleRotation:ScheduleRotation');
    expect(rotations).toHaveLength(5);
    for (const r of rotations) {
      expect(r.inputs.type).toBe('weekly');
      // UTC with a literal Z (terraform-provider-opsgenie v0.6.40 util.go validateDateWithMinutes): 09:00 in Paris.
      expect(r.inputs.startDate).toBe('2026-01-05T08:00:00Z');
    }
    for (const s of p.resources.filter((r) => r.type === 'opsgenie:index/schedule:Schedule'))
      expect(s.inputs.timezone).toBe('Europe/Paris');
    const storefront = p.resources.find((r) => r.name === 'storefront-storefront-1h-escalation')!;
    expect(storefront.inputs.rules.map((r: any) => r.delay)).toEqual([0, 20, 40]);
    const rules = p.resources.filter((r) => r.type === 'opsgenie:index/teamRoutingRule:TeamRoutingRule' && r.name.startsWith('payments-'));
    expect(rules.map((r) => [r.inputs.order, r.inputs.name])).toEqual([
      [0, 'Business hours'],
      [1, 'Otherwise'],
    ]);
    expect(rules[0]!.inputs.timeRestrictions[0].restrictionList).toHaveLength(5);
    expect(rules[0]!.inputs.timeRestrictions[0].restrictionList[0]).toEqual({
      startDay: 'monday',
      startHour: 9,
      startMin: 0,
      endDay: 'monday',
      endHour: 18,
      endMin: 0,
    });
    expect(p.resources.find((r) => r.type === 'opsgenie:index/emailIntegration:EmailIntegration')!.name).toBe('platform-email-integration');
    expect(
      p.resources.filter((r) => r.type === 'opsgenie:index/apiIntegration:ApiIntegration').every((r) => r.inputs.type === 'Datadog'),
    ).toBe(true);
  });

  it('Datadog On-Call: layers from Monday 09:00, step delays in seconds, business-hours routing rule', async () => {
    const p = await plan('acme-datadog');
    for (const s of p.resources.filter((r) => r.type === 'datadog:index/onCallSchedule:OnCallSchedule')) {
      expect(s.inputs.timeZone).toBe('Europe/Paris');
      for (const layer of s.inputs.layers) {
        expect(localHandoff(layer.rotationStart)).toBe('Monday 09:00');
        expect(layer.interval).toEqual({ days: 7 });
      }
    }
    // The example's Datadog stack leaves out `platform` (e-mail intake): steps at 0, 20 and 40 minutes, the last waiting out the 1 h target before a retry.
    expect(p.resources.some((r) => r.name.startsWith('platform-'))).toBe(false);
    const storefront = p.resources.find((r) => r.name === 'storefront-storefront-1h-escalation')!;
    expect(storefront.inputs.steps.map((s: any) => s.escalateAfterSeconds)).toEqual([1200, 1200, 1200]);
    const routing = p.resources.find((r) => r.name === 'payments-routing')!;
    expect(routing.inputs.rules).toHaveLength(2);
    expect(routing.inputs.rules[0].timeRestrictions.restrictions[0]).toEqual({
      startDay: 'monday',
      startTime: '09:00:00',
      endDay: 'monday',
      endTime: '18:00:00',
    });
    expect(routing.inputs.rules[1].timeRestrictions).toBeUndefined();
  });

  it.each(['acme-pagerduty', 'acme-opsgenie', 'acme-datadog'])(
    '%s wires the storefront phone line to the router and its fallback',
    async (stack) => {
      const line = (await plan(stack)).resources.find((r) => r.type === 'pulumi-nodejs:dynamic/twilio:PhoneLine')!;
      expect(line.name).toBe('storefront-phone-line');
      expect(line.inputs).toEqual({
        number: '+33199000101',
        friendlyName: 'Storefront on call',
        voiceUrl: 'https://oncall-router-1.acme.example/voice',
        voiceMethod: 'POST',
        voiceFallbackUrl: 'https://oncall-router-2.acme.example/voice',
        voiceFallbackMethod: 'POST',
        smsUrl: 'https://oncall-router-1.acme.example/sms',
        smsMethod: 'POST',
        smsFallbackUrl: 'https://oncall-router-2.acme.example/sms',
        smsFallbackMethod: 'POST',
      });
      expect((line as any).options).toEqual({ protect: true });
    },
  );

  it.each(['acme-pagerduty', 'acme-opsgenie', 'acme-datadog'])('%s as text and markdown (golden)', async (stack) => {
    const text = await runCli(['plan', '--stack', stack]);
    expect(text.code).toBe(0);
    expectGolden(`plan/${stack}.txt`, text.stdout);
    const md = await runCli(['plan', '--stack', stack, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^### Stack `.+` \(\w+\): \d+ resources/);
    expect(md.stdout).toContain('<details><summary><b>storefront</b>');
  });
});

describe('backend constraints in validate, for the stacks that use the backend', () => {
  it('Opsgenie: a handoff at 09:15 is an error naming Opsgenie; PagerDuty and Datadog accept it', async () => {
    const dir = writeTree(withEdit('storefront/team.yaml', '    start: 2026-01-05', '    handoff: monday 09:15\n    start: 2026-01-05'));
    dirs.push(dir);
    const run = await runCli(['validate', '--teams', dir, '--stacks', 'stacks', '--format', 'json']);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'backend/opsgenie-half-hour',
      file: `${dir}/storefront/team.yaml`,
      line: lineOf('storefront/team.yaml', '  oncall:'),
    });
    expect(problems[0].message).toMatch(/^Opsgenie \(stack `acme-opsgenie`\) hands over only at minute 0 or 30/);
    // Without an Opsgenie stack (a stacks folder with none) the same YAML is valid.
    const noStacks = mkdtempSync(join(tmpdir(), 'oncall-no-stacks-'));
    dirs.push(noStacks);
    expect((await runCli(['validate', '--teams', dir, '--stacks', noStacks])).code).toBe(0);
  });

  it("plan: a backend limit of one stack stops that stack's plan only, and points to the validate that shows it", async () => {
    const dir = writeTree(withEdit('storefront/team.yaml', '    start: 2026-01-05', '    handoff: monday 09:15\n    start: 2026-01-05'));
    dirs.push(dir);
    const pagerduty = await runCli(['plan', '--teams', dir, '--stacks', 'stacks', '--stack', 'acme-pagerduty', '--format', 'json']);
    expect(pagerduty.stderr).toBe('');
    expect(pagerduty.code).toBe(0);
    expect(JSON.parse(pagerduty.stdout).resources.length).toBeGreaterThan(0);
    const opsgenie = await runCli(['plan', '--teams', dir, '--stacks', 'stacks', '--stack', 'acme-opsgenie']);
    expect(opsgenie.code).toBe(1);
    expect(opsgenie.stderr).toContain('backend/opsgenie-half-hour');
    expect(opsgenie.stderr).toContain(`Fix these first: \`oncall validate --teams ${dir} --stacks stacks\`.`);
    // That command shows the error.
    const validate = await runCli(['validate', '--teams', dir, '--stacks', 'stacks']);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain('backend/opsgenie-half-hour');
  });

  it("PagerDuty: two policies in one squad's routing is an error", async () => {
    const tree = withEdit(
      'payments/team.yaml',
      '  - during: business-hours\n    rotation: run',
      '  - during: business-hours\n    rotation: run\n    escalation: day',
    );
    const both = withEdit('payments/team.yaml', '  - rotation: oncall', '  - rotation: oncall\n    escalation: standard-4h', tree);
    const dir = writeTree(
      withEdit('payments/team.yaml', 'escalations:\n', 'escalations:\n  day:\n    steps:\n      - notify: on-call\n', both),
    );
    dirs.push(dir);
    const run = await runCli(['validate', '--teams', dir, '--stacks', 'stacks', '--format', 'json']);
    const codes = JSON.parse(run.stdout).problems.map((p: any) => p.code);
    expect(codes).toContain('backend/pagerduty-one-policy');
    expect(run.code).toBe(1);
  });
});
