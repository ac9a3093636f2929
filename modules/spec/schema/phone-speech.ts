/** How a phone line speaks and whose number the person rung sees: in org.yaml (every line's default) and per line. */
import type { JsonSchema } from './defs';

export function phoneSpeechProperties(level: 'org' | 'team'): Record<string, JsonSchema> {
  const orgDefault = (key: string, otherwise: string): string =>
    level === 'team' ? `default \`phone.${key}\` of org.yaml, else ${otherwise}` : `default ${otherwise}`;
  return {
    language: {
      type: 'string',
      maxLength: 64,
      description: `what the line says is spoken in this language, one of Twilio's \`<Say>\` languages (\`fr-FR\`, \`en-GB\`…); the router has its texts in English (\`en-*\`) and French (\`fr-*\`); ${orgDefault('language', '`en-GB`')}`,
    },
    voice: {
      type: 'string',
      maxLength: 64,
      description: `the \`<Say>\` voice: \`man\`, \`woman\`, \`alice\`, a Twilio Amazon Polly voice (\`Polly.Lea\`) or Google voice (\`Google.fr-FR-Standard-A\`); ${orgDefault('voice', "Twilio's own for the language")}`,
    },
    callerId: {
      enum: ['caller', 'line'],
      description: `the number shown to the person rung: \`line\` (the squad's number) or \`caller\` (the number that called the line, or the line's when the caller's is withheld); ${orgDefault('callerId', '`line`')}`,
    },
  };
}
