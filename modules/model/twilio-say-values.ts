/**
 * Twilio's `<Say>` languages and voices: the values the official `twilio` package types as `SayLanguage` and
 * `SayVoice` (twilio 6.2.0, lib/twiml/VoiceResponse.d.ts). Kept here as data because the model may not import
 * the package; test/router/say-values.test.ts checks that these sets equal the package's unions.
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

export const SAY_LANGUAGES: ReadonlySet<string> = new Set(
  words(`
    af-ZA am-ET ar-AE ar-XA arb bg-BG bn-IN ca-ES cmn-CN cmn-TW cs-CZ cy-GB da-DK de-AT de-DE el-GR en-AU en-CA
    en-GB en-GB-WLS en-IE en-IN en-NZ en-US en-ZA es-ES es-MX es-US fi-FI fil-PH fr-CA fr-FR fr-BE gu-IN he-IL
    hi-IN hu-HU id-ID is-IS it-IT ja-JP kn-IN ko-KR lv-LV ml-IN mr-IN ms-MY nb-NO nl-BE nl-NL pa-IN pl-PL pt-BR
    pt-PT ro-RO ru-RU sk-SK sr-RS sv-SE ta-IN te-IN th-TH tr-TR uk-UA vi-VN yue-HK zh-CN zh-HK zh-TW
  `),
);

/** Google voices by the language in their name: `Google.fr-FR-Standard-A` speaks fr-FR. */
const GOOGLE: Record<string, string> = {
  'af-ZA': 'Standard-A',
  'am-ET': 'Standard-A Standard-B Wavenet-A Wavenet-B',
  'ar-XA':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'bg-BG': 'Standard-A Standard-B',
  'bn-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'ca-ES': 'Standard-A Standard-B',
  'cmn-CN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'cmn-TW': 'Standard-A Standard-B Standard-C Wavenet-A Wavenet-B Wavenet-C',
  'cs-CZ': 'Standard-A Standard-B Wavenet-A Wavenet-B',
  'da-DK':
    'Neural2-D Neural2-F Standard-A Standard-C Standard-D Standard-E Standard-F Standard-G Wavenet-A Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G',
  'de-DE':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Neural2-F Neural2-G Neural2-H Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Standard-H Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G Wavenet-H',
  'el-GR': 'Standard-A Standard-B Wavenet-A Wavenet-B',
  'en-AU':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'en-GB':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Neural2-F Neural2-N Neural2-O Standard-A Standard-B Standard-C Standard-D Standard-F Standard-N Standard-O Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-F Wavenet-N Wavenet-O',
  'en-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F',
  'en-US':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-C Neural2-D Neural2-E Neural2-F Neural2-G Neural2-H Neural2-I Neural2-J Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Standard-H Standard-I Standard-J Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G Wavenet-H Wavenet-I Wavenet-J',
  'es-ES':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Neural2-E Neural2-F Neural2-G Neural2-H Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Standard-H Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G Wavenet-H',
  'es-US':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Standard-A Standard-B Standard-C Wavenet-A Wavenet-B Wavenet-C',
  'eu-ES': 'Standard-A Standard-B',
  'fi-FI': 'Standard-A Standard-B Wavenet-A Wavenet-B',
  'fil-ph': 'Neural2-A Neural2-D',
  'fil-PH': 'Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'fr-CA':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'fr-FR':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Neural2-E Neural2-F Neural2-G Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G',
  'gl-ES': 'Standard-A Standard-B',
  'gu-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'he-IL': 'Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'hi-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Neural2-D Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F',
  'hu-HU': 'Standard-A Standard-B Wavenet-A',
  'id-ID':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'is-IS': 'Standard-A Standard-B',
  'it-IT':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-C Neural2-F Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F',
  'ja-JP':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-B Neural2-C Neural2-D Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'kn-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'ko-KR':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'lt-LT': 'Standard-A Standard-B',
  'lv-LV': 'Standard-A Standard-B',
  'ml-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'mr-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Wavenet-A Wavenet-B Wavenet-C',
  'ms-MY': 'Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'nb-NO':
    'Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G',
  'nl-BE': 'Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'nl-NL':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G',
  'pa-IN': 'Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'pl-PL':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G',
  'pt-BR':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-B Neural2-C Standard-A Standard-B Standard-C Standard-D Standard-E Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E',
  'pt-PT': 'Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F',
  'ro-RO': 'Standard-A Standard-B Wavenet-A Wavenet-B',
  'ru-RU':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Standard-E Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E',
  'sk-SK': 'Standard-A Standard-B Wavenet-A Wavenet-B',
  'sr-RS': 'Standard-A',
  'sv-SE':
    'Standard-A Standard-B Standard-C Standard-D Standard-E Standard-F Standard-G Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E Wavenet-F Wavenet-G',
  'ta-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'te-IN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D',
  'th-TH':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-C Standard-A',
  'tr-TR':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Standard-A Standard-B Standard-C Standard-D Standard-E Wavenet-A Wavenet-B Wavenet-C Wavenet-D Wavenet-E',
  'uk-UA': 'Standard-A Wavenet-A',
  'vi-VN':
    'Chirp3-HD-Aoede Chirp3-HD-Charon Chirp3-HD-Fenrir Chirp3-HD-Kore Chirp3-HD-Leda Chirp3-HD-Orus Chirp3-HD-Puck Chirp3-HD-Zephyr Neural2-A Neural2-D Standard-A Standard-B Standard-C Standard-D Wavenet-A Wavenet-B Wavenet-C Wavenet-D',
  'yue-HK': 'Standard-A Standard-B Standard-C Standard-D',
};

const POLLY = words(`
  Aditi Amy Astrid Bianca Brian Camila Carla Carmen Celine Chantal Conchita Cristiano Dora Emma Enrique Ewa
  Filiz Geraint Giorgio Gwyneth Hans Ines Ivy Jacek Jan Joanna Joey Justin Karl Kendra Kevin Kimberly Lea Liv
  Lotte Lucia Lupe Mads Maja Marlene Mathieu Matthew Maxim Mia Miguel Mizuki Naja Nicole Penelope Raveena
  Ricardo Ruben Russell Salli Seoyeon Takumi Tatyana Vicki Vitoria Zeina Zhiyu Adriano-Neural Amy-Neural
  Andres-Neural Aria-Neural Arlet-Neural Arthur-Neural Ayanda-Neural Bianca-Neural Brian-Neural Burcu-Neural
  Camila-Neural Daniel-Neural Danielle-Neural Elin-Neural Emma-Neural Gabrielle-Neural Gregory-Neural
  Hala-Neural Hannah-Neural Hiujin-Neural Ida-Neural Ines-Neural Isabelle-Neural Ivy-Neural Joanna-Neural
  Joey-Neural Justin-Neural Kajal-Neural Kazuha-Neural Kendra-Neural Kevin-Neural Kimberly-Neural Laura-Neural
  Lea-Neural Liam-Neural Lisa-Neural Lucia-Neural Lupe-Neural Matthew-Neural Mia-Neural Niamh-Neural Ola-Neural
  Olivia-Neural Pedro-Neural Remi-Neural Ruth-Neural Salli-Neural Seoyeon-Neural Sergio-Neural Sofie-Neural
  Stephen-Neural Suvi-Neural Takumi-Neural Thiago-Neural Tomoko-Neural Vicki-Neural Vitoria-Neural Zayd-Neural
  Zhiyu-Neural Amy-Generative Andres-Generative Ayanda-Generative Bianca-Generative Daniel-Generative
  Danielle-Generative Joanna-Generative Kajal-Generative Lea-Generative Lucia-Generative Lupe-Generative
  Matthew-Generative Mía-Generative Olivia-Generative Pedro-Generative Rémi-Generative Ruth-Generative
  Sergio-Generative Stephen-Generative Vicki-Generative
`);

export const SAY_VOICES: ReadonlySet<string> = new Set([
  ...words('man woman alice'),
  ...Object.entries(GOOGLE).flatMap(([language, names]) => words(names).map((n) => `Google.${language}-${n}`)),
  ...POLLY.map((name) => `Polly.${name}`),
]);

/** The language a voice is made for, when its name says it (Google voices); undefined for the others. */
export function voiceLanguage(voice: string): string | undefined {
  return /^Google\.([a-z]{2,3}-[A-Za-z]{2})-/.exec(voice)?.[1];
}
