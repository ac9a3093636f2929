/**
 * How a phone line speaks and whose number the person rung sees: `language`, `voice` and `callerId` of
 * `phone` in org.yaml (every line's default) and in a squad's team.yaml. Language and voice are checked
 * against Twilio's `<Say>` values (an invalid pair makes the `<Say>` fail) and against the languages the
 * router has texts in.
 */
import { didYouMean, hinted } from '../core/suggest';
import type { YamlFile } from '../spec/yaml-document';
import { PHONE_TEXT_LANGUAGES, phoneTexts } from './phone-texts';
import type { Reporter } from './reporter';
import { SAY_LANGUAGES, SAY_VOICES, voiceLanguage } from './twilio-say-values';
import type { EscalationPolicy, PhoneSpeech } from './types';

export const DEFAULT_PHONE_LANGUAGE = 'en-GB';
/** Twilio dials at most ten `<Number>`s at once (TwiML `<Number>` reference, twilio.com/docs/voice/twiml/number). */
export const MAX_NUMBERS_AT_ONCE = 10;

export interface PhoneOptions {
  readonly speech: PhoneSpeech;
  readonly callerId: 'caller' | 'line';
}

interface PhoneOptionsSpec {
  readonly language?: string;
  readonly voice?: string;
  readonly callerId?: 'caller' | 'line';
}

const lower = (values: Iterable<string>): Map<string, string> => new Map([...values].map((v) => [v.toLowerCase(), v]));
const LANGUAGES_LOWER = lower(SAY_LANGUAGES);

function checkLanguage(r: Reporter, file: YamlFile, language: string): boolean {
  if (!SAY_LANGUAGES.has(language)) {
    const exact = LANGUAGES_LOWER.get(language.toLowerCase().replace(/_/g, '-'));
    r.error(
      file,
      ['phone', 'language'],
      'phone/unknown-language',
      hinted(
        `\`${language}\` is not one of Twilio's <Say> languages`,
        exact ? `write \`${exact}\`` : (didYouMean(language, SAY_LANGUAGES) ?? 'such as `fr-FR` or `en-GB`'),
      ),
    );
    return false;
  }
  if (!phoneTexts(language)) {
    r.error(
      file,
      ['phone', 'language'],
      'phone/no-texts',
      hinted(
        `the router has no texts in \`${language}\`; it speaks ${PHONE_TEXT_LANGUAGES.map((l) => `${l}-*`).join(' and ')}`,
        'choose one of those languages (such as `fr-FR` or `en-GB`)',
      ),
    );
    return false;
  }
  return true;
}

function checkVoice(r: Reporter, file: YamlFile, voice: string, language: string, languageWritten: boolean): boolean {
  if (!SAY_VOICES.has(voice)) {
    r.error(
      file,
      ['phone', 'voice'],
      'phone/unknown-voice',
      hinted(
        `\`${voice}\` is not one of Twilio's <Say> voices`,
        didYouMean(voice, SAY_VOICES) ?? 'such as `Polly.Lea` or `Google.fr-FR-Standard-A`',
      ),
    );
    return false;
  }
  const made = voiceLanguage(voice);
  // Only a language Twilio accepts can be suggested; a voice made for another one is left to Twilio.
  if (made && LANGUAGES_LOWER.has(made.toLowerCase()) && made.toLowerCase() !== language.toLowerCase()) {
    r.error(
      file,
      ['phone', languageWritten ? 'language' : 'voice'],
      'phone/voice-language',
      hinted(
        `the voice \`${voice}\` speaks ${made}, but the line speaks ${language}; Twilio fails a <Say> with a voice and language that do not match`,
        `write \`language: ${LANGUAGES_LOWER.get(made.toLowerCase())}\` or a ${language} voice`,
      ),
    );
    return false;
  }
  return true;
}

/** The organisation's defaults (`phone` of org.yaml); invalid values fall back to English, Twilio's voice. */
export function resolveOrgPhoneOptions(r: Reporter, file: YamlFile, spec: PhoneOptionsSpec | undefined): PhoneOptions {
  let language = spec?.language ?? DEFAULT_PHONE_LANGUAGE;
  if (spec?.language !== undefined && !checkLanguage(r, file, spec.language)) language = DEFAULT_PHONE_LANGUAGE;
  const voice =
    spec?.voice !== undefined && checkVoice(r, file, spec.voice, language, spec.language !== undefined) ? spec.voice : undefined;
  return { speech: voice ? { language, voice } : { language }, callerId: spec?.callerId ?? 'line' };
}

/**
 * A line's options: its own, else the organisation's. A line that changes its language without naming a
 * voice does not keep the organisation's voice (made for the other language). Undefined when invalid.
 */
export function resolveLinePhoneOptions(
  r: Reporter,
  file: YamlFile,
  spec: PhoneOptionsSpec,
  defaults: PhoneOptions,
): PhoneOptions | undefined {
  const language = spec.language ?? defaults.speech.language;
  if (spec.language !== undefined && !checkLanguage(r, file, spec.language)) return undefined;
  const ownLanguage = spec.language !== undefined && spec.language !== defaults.speech.language;
  const voice = spec.voice ?? (ownLanguage ? undefined : defaults.speech.voice);
  if (spec.voice !== undefined && !checkVoice(r, file, spec.voice, language, spec.language !== undefined)) return undefined;
  return { speech: voice ? { language, voice } : { language }, callerId: spec.callerId ?? defaults.callerId };
}

/** A step the line would ring at once with more people than Twilio dials together. */
export function checkStepsFitOneDial(r: Reporter, file: YamlFile, escalations: ReadonlyMap<string, EscalationPolicy>): boolean {
  let ok = true;
  for (const policy of escalations.values()) {
    if (policy.retired) continue;
    policy.steps.forEach((step, i) => {
      if (step.targets.length <= MAX_NUMBERS_AT_ONCE) return;
      ok = false;
      r.error(
        file,
        ['escalations', policy.id, 'steps', i, 'notify'],
        'phone/too-many-at-once',
        hinted(
          `this step names ${step.targets.length} targets; the phone line rings a step's people at once, and Twilio dials at most ${MAX_NUMBERS_AT_ONCE} numbers together`,
          'split the step in two, the second a few minutes later',
        ),
      );
    });
  }
  return ok;
}
