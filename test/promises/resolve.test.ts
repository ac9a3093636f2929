import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { MSP, promisesTree } from './tree';

const load = (text: string) => loadOrganisation(promisesTree(text));
const codes = (text: string) => load(text).problems.map((p) => `${p.code} ${p.line}`);

describe('service promises in the model', () => {
  it('resolves coverage, zone, policy, response target and what happens outside', () => {
    const { organisation, problems } = load(MSP);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const c = organisation!.services.get('client-c')!;
    expect(c.promise).toMatchObject({
      escalation: 'gti-4h',
      responseTargetMinutes: 240,
      outsideCoverage: 'none',
      timezone: 'Europe/Paris',
    });
    expect(c.promise!.coverage.kind).toBe('off-hours');
    expect(organisation!.services.get('client-b')!.promise).toMatchObject({ outsideCoverage: 'low', responseTargetMinutes: 240 });
    expect(organisation!.services.get('client-a')!.promise).toMatchObject({ escalation: 'gti-1h', responseTargetMinutes: 60 });
  });

  it('leaves a service without promise keys without a promise (as today)', () => {
    const org = loadOrganisation(promisesTree()).organisation!;
    expect(org.services.get('payment-api')!.promise).toBeUndefined();
  });

  it('places an unknown policy at the key, with a suggestion', () => {
    const problems = load(MSP.replace('escalation: gti-1h\n  client-b', 'escalation: gti-1j\n  client-b')).problems;
    const p = problems.find((x) => x.code === 'ref/unknown-escalation')!;
    expect(p).toMatchObject({ file: 'teams/msp/team.yaml', line: 43 });
    expect(p.message).toContain('`gti-1j`');
    expect(p.suggestion).toMatch(/gti-1h/);
  });

  it('refuses a response target shorter than the policy aims at', () => {
    const text = MSP.replace('    responseTarget: 4h\n    escalation: gti-4h\n', '    responseTarget: 1h\n    escalation: gti-4h\n');
    const p = load(text).problems.find((x) => x.code === 'service/response-target')!;
    expect(p.severity).toBe('error');
    expect(p.line).toBe(52);
    expect(p.message).toContain('`gti-4h` aims at 240m');
  });

  it('refuses a response target reached before the last step of the policy starts', () => {
    const text = MSP.replace('  gti-1h:\n    responseTarget: 1h\n', '  gti-1h:\n    responseTarget: 30m\n').replace(
      '      - after: 30m\n        notify: manager',
      '      - after: 20m\n        notify: manager',
    );
    expect(codes(text).filter((c) => c.startsWith('service/'))).toEqual([]);
    const tooSoon = text.replace('    responseTarget: 1h\n    escalation: gti-1h', '    responseTarget: 20m\n    escalation: gti-1h');
    expect(codes(tooSoon)).toContain('service/response-target 42');
  });

  it('asks which policy pages when the squad has several and no routing', () => {
    const text = MSP.replace(/routing:[\s\S]*?services:/, 'services:').replace(
      '    escalation: gti-4h\n    outsideCoverage: low',
      '    outsideCoverage: low',
    );
    const problems = load(text).problems.map((p) => p.code);
    expect(problems).toContain('service/no-escalation');
  });

  it('refuses an unknown outsideCoverage value (schema)', () => {
    expect(codes(MSP.replace('outsideCoverage: low', 'outsideCoverage: silent')).some((c) => c.startsWith('schema/'))).toBe(true);
  });
});
