/**
 * How a line speaks and whose number it shows, as validated from org.yaml and team.yaml: defaults from the
 * organisation, Twilio's `<Say>` values with a positioned problem and a suggestion, the languages the router
 * has texts in, and steps that fit in one `<Dial>` (at most ten `<Number>`s, twilio.com/docs/voice/twiml/number).
 */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import type { SourceTree } from '../../modules/spec/source';
import { errorsOf, fixtureTree, lineOf, withEdit } from '../helpers';

const ORG = 'org.yaml';
const STOREFRONT = 'storefront/team.yaml';
const ROUTER_LINE = '  fallback: https://oncall-router-2.acme.example';
const LINE = '  number: "+33199000101"       # the single on-call number every probe and service knows';

const orgPhone = (extra: string, tree: SourceTree = fixtureTree()): SourceTree =>
  withEdit(ORG, ROUTER_LINE, `${ROUTER_LINE}\n${extra}`, tree);
const linePhone = (extra: string, tree: SourceTree = fixtureTree()): SourceTree => withEdit(STOREFRONT, LINE, `${LINE}\n${extra}`, tree);
const lineOfStorefront = (tree: SourceTree) => loadOrganisation(tree).organisation?.squads.get('storefront')?.phone;

describe('language, voice and caller id of a line', () => {
  it('default to English (en-GB), Twilio’s own voice and the line’s number', () => {
    const line = lineOfStorefront(fixtureTree());
    expect(line?.speech).toEqual({ language: 'en-GB' });
    expect(line?.callerId).toBe('line');
  });

  it('come from org.yaml for every line, and a line may say otherwise', () => {
    const tree = orgPhone('  language: fr-FR\n  voice: Polly.Lea\n  callerId: caller');
    expect(errorsOf(tree)).toEqual([]);
    expect(lineOfStorefront(tree)).toMatchObject({ speech: { language: 'fr-FR', voice: 'Polly.Lea' }, callerId: 'caller' });
    expect(loadOrganisation(tree).organisation?.phoneSpeech).toEqual({ language: 'fr-FR', voice: 'Polly.Lea' });
    const own = linePhone('  language: fr-CA\n  callerId: line', tree);
    expect(errorsOf(own)).toEqual([]);
    // Another language does not keep the organisation's voice, made for the first one.
    expect(lineOfStorefront(own)).toMatchObject({ speech: { language: 'fr-CA' }, callerId: 'line' });
    expect(lineOfStorefront(own)?.speech.voice).toBeUndefined();
  });

  it('a language Twilio does not speak is an error at its line, with the spelling it accepts', () => {
    const tree = linePhone('  language: fr_fr');
    const [problem] = errorsOf(tree);
    expect(problem).toMatchObject({ code: 'phone/unknown-language', file: `teams/${STOREFRONT}`, line: lineOf(STOREFRONT, 'fr_fr', tree) });
    expect(problem?.suggestion).toBe('write `fr-FR`');
    expect(lineOfStorefront(tree)).toBeUndefined();
  });

  it('a language Twilio speaks but the router has no texts in is refused, naming those it has', () => {
    const tree = orgPhone('  language: de-DE');
    const [problem] = errorsOf(tree);
    expect(problem).toMatchObject({ code: 'phone/no-texts', file: `teams/${ORG}`, line: lineOf(ORG, 'de-DE', tree) });
    expect(problem?.message).toContain('en-* and fr-*');
  });

  it('a voice that is not Twilio’s is an error with the closest voice', () => {
    const tree = linePhone('  voice: Polly.Leaa');
    const [problem] = errorsOf(tree);
    expect(problem).toMatchObject({ code: 'phone/unknown-voice', line: lineOf(STOREFRONT, 'Polly.Leaa', tree) });
    expect(problem?.suggestion).toBe('did you mean `Polly.Lea`?');
  });

  it('a Google voice made for another language than the line’s is refused (Twilio fails such a <Say>)', () => {
    const tree = linePhone('  language: fr-FR\n  voice: Google.en-GB-Standard-A');
    const [problem] = errorsOf(tree);
    expect(problem).toMatchObject({ code: 'phone/voice-language', line: lineOf(STOREFRONT, 'language: fr-FR', tree) });
    expect(problem?.suggestion).toContain('language: en-GB');
    expect(errorsOf(linePhone('  language: fr-FR\n  voice: Google.fr-FR-Wavenet-A'))).toEqual([]);
  });

  it('callerId takes only `caller` or `line`', () => {
    const codes = errorsOf(linePhone('  callerId: mine')).map((p) => p.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('schema/'))).toBe(true);
  });
});

describe('a step rung at once', () => {
  it('more than ten people in one step of a squad with a line is an error at that step', () => {
    const many = Array.from(
      { length: 11 },
      (_, i) => `{ person: ${['alice', 'bruno', 'chloe', 'david', 'hugo', 'ines', 'jules', 'emma', 'farid', 'gina', 'manon'][i]} }`,
    );
    const tree = withEdit(STOREFRONT, '        notify: manager', `        notify: [${many.join(', ')}]`);
    const problems = errorsOf(tree).filter((p) => p.code === 'phone/too-many-at-once');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(lineOf(STOREFRONT, 'notify: [{ person: alice }', tree));
    // Ten is fine.
    const ten = withEdit(STOREFRONT, '        notify: manager', `        notify: [${many.slice(0, 10).join(', ')}]`);
    expect(errorsOf(ten).filter((p) => p.code === 'phone/too-many-at-once')).toEqual([]);
  });
});
