/** The squad's on-call number, wired to the router on its two hosts. */
import type { Squad } from '../../model/types';
import { compact, type DesiredResource } from '../../render/desired';
import { names } from '../../render/names';
import { resourceOf } from '../descriptor';
import { TWILIO } from './resources';

export function renderPhoneLine(team: Squad): DesiredResource[] {
  const line = team.phone;
  if (!line) return [];
  const base = line.router.replace(/\/+$/, '');
  const fallback = line.fallback?.replace(/\/+$/, '');
  return [
    resourceOf(TWILIO.phoneLine, {
      name: names.phoneLine(team.id),
      squad: team.id,
      inputs: compact({
        number: line.number,
        sid: line.sid,
        friendlyName: `${team.name} on call`,
        voiceUrl: `${base}/voice`,
        voiceMethod: 'POST',
        voiceFallbackUrl: fallback ? `${fallback}/voice` : undefined,
        voiceFallbackMethod: 'POST',
        smsUrl: `${base}/sms`,
        smsMethod: 'POST',
        smsFallbackUrl: fallback ? `${fallback}/sms` : undefined,
        smsFallbackMethod: 'POST',
      }),
      // A number cannot be bought back: the line is protected until the YAML retires it.
      options: line.retired || team.retired ? undefined : { protect: true },
      origin: { kind: 'phone', squad: team.id, id: team.id },
    }),
  ];
}
