/**
 * The `<Say>` languages and voices the model accepts are exactly those the official `twilio` package types
 * (twilio 6.2.0, lib/twiml/VoiceResponse.d.ts: `VoiceResponse.SayLanguage` and `VoiceResponse.SayVoice`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAY_LANGUAGES, SAY_VOICES, voiceLanguage } from '../../modules/model/twilio-say-values';

const declarations = readFileSync(join(dirname(require.resolve('twilio/package.json')), 'lib/twiml/VoiceResponse.d.ts'), 'utf8');

function union(name: string): string[] {
  const body = new RegExp(`type ${name} = ([^;]+);`).exec(declarations)?.[1] ?? '';
  return [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe("Twilio's <Say> values", () => {
  it('the languages are the package’s SayLanguage, no more, no fewer', () => {
    const theirs = union('SayLanguage');
    expect(theirs.length).toBeGreaterThan(50);
    expect([...SAY_LANGUAGES].sort()).toEqual([...new Set(theirs)].sort());
  });

  it('the voices are the package’s SayVoice, no more, no fewer', () => {
    const theirs = union('SayVoice');
    expect(theirs).toContain('Polly.Lea');
    expect([...SAY_VOICES].sort()).toEqual([...new Set(theirs)].sort());
  });

  it('a Google voice names its language; the other voices do not', () => {
    expect(voiceLanguage('Google.fr-FR-Standard-A')).toBe('fr-FR');
    expect(voiceLanguage('Google.cmn-CN-Wavenet-A')).toBe('cmn-CN');
    expect(voiceLanguage('Polly.Lea')).toBeUndefined();
    expect(voiceLanguage('woman')).toBeUndefined();
  });
});
