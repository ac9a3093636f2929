/**
 * A managed-services squad beside the example organisation: a day rotation in business hours, a night rotation
 * off hours, and three client contracts promising 24/7 (GTI 1h), business hours with low urgency outside
 * (GTI 4h) and off hours only (HNO, GTI 4h).
 */
import type { SourceTree } from '../../modules/spec/source';
import { withFiles } from '../helpers';

export const MSP = `name: Managed services
manager: manon
members: [alice, bruno, emma, david]

rotations:
  day:
    members: [alice, bruno]
    start: 2026-01-05
    coverage: business-hours
  night:
    members: [emma, david]
    start: 2026-01-05
    coverage: off-hours

escalations:
  gti-4h:
    responseTarget: 4h
    steps:
      - notify: on-call
      - after: 30m
        notify: on-call
      - after: 60m
        notify: manager
  gti-1h:
    responseTarget: 1h
    steps:
      - notify: on-call
      - after: 30m
        notify: manager

routing:
  - during: business-hours
    rotation: day
    escalation: gti-4h
  - rotation: night
    escalation: gti-4h

services:
  client-a:
    name: Client A (GTI 1h, 24x7)
    coverage: always
    responseTarget: 1h
    escalation: gti-1h
  client-b:
    name: Client B (GTI 4h, business hours)
    coverage: business-hours
    escalation: gti-4h
    outsideCoverage: low
  client-c:
    name: Client C (GTI 4h, nights and weekends)
    coverage: off-hours
    responseTarget: 4h
    escalation: gti-4h
`;

/** The example organisation with the squad \`msp\` (its file replaced by \`text\` when given). */
export function promisesTree(text: string = MSP, extra: Record<string, string> = {}): SourceTree {
  return withFiles({ 'msp/team.yaml': text, ...extra });
}
