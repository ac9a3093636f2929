/**
 * How people are reached (`notify` in org.yaml): one field changed at a time from the fixture, each giving its
 * positioned problem, or the rules the model keeps.
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { fixtureTree, lineOf, withEdit } from '../helpers';

/** The fixture with manon's entry given these extra lines (indented under her). */
const manon = (lines: string, tree = fixtureTree()) => withEdit('org.yaml', '  manon:\n', `  manon:\n${lines}`, tree);
const load = (tree: ReturnType<typeof fixtureTree>) => loadOrganisation(tree);
const codes = (tree: ReturnType<typeof fixtureTree>) => load(tree).problems.map((p) => `${p.severity} ${p.code}`);

describe('notify', () => {
  it('keeps each urgency’s methods at once or after whole minutes, in order of delay', () => {
    const tree = manon('    notify:\n      high: [call, sms, push]\n      low: [{ push: 10m }, email]\n    pushDevice: Pixel 8\n');
    const result = load(tree);
    expect(result.problems).toEqual([]);
    const person = result.organisation!.people.get('manon')!;
    expect(person.pushDevice).toBe('Pixel 8');
    expect(person.notify!.high.map((r) => [r.method, r.afterMinutes])).toEqual([
      ['call', 0],
      ['sms', 0],
      ['push', 0],
    ]);
    expect(person.notify!.low.map((r) => [r.method, r.afterMinutes])).toEqual([
      ['email', 0],
      ['push', 10],
    ]);
    // Positions point at each entry, for the backends' problems.
    expect(person.notify!.low[1]!.source.line).toBe(lineOf('org.yaml', 'low: [{ push: 10m }', tree));
  });

  it('leaves people without notify as they were (the backend keeps its own rules)', () => {
    const person = load(fixtureTree()).organisation!.people.get('alice')!;
    expect(person.notify).toBeUndefined();
    expect(Object.keys(person)).not.toContain('notify');
  });

  it('needs a phone for call and sms, where the rule is written', () => {
    const tree = manon(
      '    notify: { high: [push, sms] }\n    pushDevice: Pixel 8\n',
      withEdit('org.yaml', '    phone: "+33639980901"\n', ''),
    );
    const problems = load(tree).problems;
    expect(problems.map((p) => p.code)).toEqual(['person/notify-no-phone']);
    expect(problems[0]!.line).toBe(lineOf('org.yaml', 'notify: { high: [push, sms] }', tree));
    expect(problems[0]!.message).toContain('SMS');
  });

  it('needs the device the app registered for push', () => {
    const tree = manon('    notify: { high: [call, push] }\n');
    const problems = load(tree).problems;
    expect(problems.map((p) => p.code)).toEqual(['person/notify-no-device']);
    expect(problems[0]!.message).toContain('pushDevice');
  });

  it('refuses an unknown method with a schema error on its line', () => {
    const tree = manon('    notify: { high: [call, pager] }\n');
    const errors = load(tree).problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((p) => p.code.startsWith('schema/'))).toBe(true);
    expect(errors[0]!.line).toBe(lineOf('org.yaml', 'pager', tree));
  });

  it('warns when a high-urgency page reaches the person by nothing at once', () => {
    expect(codes(manon('    notify: { high: [{ sms: 5m }, { call: 10m }] }\n'))).toEqual(['warning person/notify-not-at-once']);
    expect(codes(manon('    notify: { high: [sms, { call: 10m }], low: [{ email: 30m }] }\n'))).toEqual([]);
  });

  it('refuses delays that are not whole minutes, and warns of a method listed twice at the same delay', () => {
    expect(codes(manon('    notify: { high: [sms, { call: 90s }] }\n'))).toEqual(['error person/notify-delay']);
    const twice = manon('    notify: { high: [sms, call, { sms: 0m }] }\n');
    expect(codes(twice)).toEqual(['warning person/notify-duplicate']);
    expect(load(twice).organisation!.people.get('manon')!.notify!.high).toHaveLength(2);
  });

  it('applies defaults.notify to everyone without their own, and reports a person it cannot reach at that person', () => {
    const withDefault = withEdit('org.yaml', /^defaults:\n/m, 'defaults:\n  notify: { high: [call, sms], low: [email] }\n');
    const result = load(manon('    notify: { high: [email] }\n', withDefault));
    expect(result.problems).toEqual([]);
    const people = result.organisation!.people;
    expect(people.get('alice')!.notify!.high.map((r) => r.method)).toEqual(['call', 'sms']);
    expect(people.get('manon')!.notify!.high.map((r) => r.method)).toEqual(['email']);

    const phoneless = withEdit('org.yaml', 'phone: "+33639980102" }', '}', withDefault);
    const problems = load(phoneless).problems;
    expect(problems.map((p) => p.code)).toEqual(['person/notify-no-phone']);
    expect(problems[0]!.line).toBe(lineOf('org.yaml', '  bruno:', phoneless));
    expect(problems[0]!.message).toContain('defaults.notify');
  });
});
