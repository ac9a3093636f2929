/**
 * What the phone line says, in each language the router speaks. Texts are chosen by the line's language
 * subtag: `fr-FR`, `fr-CA` and `fr-BE` say the French texts, every `en-*` the English ones; any other
 * language is refused when the organisation is validated (`phone/no-texts`), so a line never reads English
 * with a German voice.
 */
export interface PhoneTexts {
  /** Said when everyone of the escalation has been rung and nobody answered. */
  readonly nobody: string;
  /** Said on a number that is not (or no longer) an on-call line. */
  readonly notALine: string;
}

const TEXTS = {
  en: {
    nobody: 'Nobody from the on-call team could be reached. Please try again in a few minutes, or follow the incident procedure.',
    notALine: 'This number is not an on-call line.',
  },
  fr: {
    nobody:
      "Personne de l'équipe d'astreinte n'a pu être joint. Merci de rappeler dans quelques minutes, ou de suivre la procédure d'incident.",
    notALine: "Ce numéro n'est pas une ligne d'astreinte.",
  },
} as const satisfies Record<string, PhoneTexts>;

/** The languages with texts, by subtag. */
export const PHONE_TEXT_LANGUAGES = Object.keys(TEXTS) as ReadonlyArray<keyof typeof TEXTS>;

/** The texts for a `<Say>` language (`fr-FR`), or undefined when the router has none in it. */
export function phoneTexts(language: string): PhoneTexts | undefined {
  const subtag = language.split('-')[0]?.toLowerCase() ?? '';
  return Object.hasOwn(TEXTS, subtag) ? TEXTS[subtag as keyof typeof TEXTS] : undefined;
}
