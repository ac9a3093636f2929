/**
 * What each backend's history tells of a page beyond its times: the escalation levels notified (and so who was
 * paged), and who acknowledged. Datadog On-Call documents no timeline of a page (docs/incident-sources.md): the
 * figures built on these fields are reported as unknown for it, never computed from an empty list.
 */
import type { Backend } from '../render/desired';

export interface HistoryFields {
  /** The levels notified and the people each notified. */
  readonly levels: boolean;
  /** Who acknowledged the page. */
  readonly acknowledger: boolean;
}

export const HISTORY_FIELDS: Readonly<Record<Backend, HistoryFields>> = {
  pagerduty: { levels: true, acknowledger: true },
  opsgenie: { levels: true, acknowledger: true },
  datadog: { levels: false, acknowledger: false },
};

/** A figure the backend cannot give, and why (shown in every format). */
export interface UnknownFigure {
  readonly figure: 'answeredAt' | 'people' | 'interventionHours';
  readonly reason: string;
}

const NO_LEVELS = 'the backend does not tell which escalation levels a page notified';
const NO_ACKNOWLEDGER = 'the backend does not tell who acknowledged a page';

/** The figures of `report incidents` a backend cannot give. */
export function unknownIncidentFigures(backend: Backend): UnknownFigure[] {
  const fields = HISTORY_FIELDS[backend];
  const out: UnknownFigure[] = [];
  if (!fields.levels) out.push({ figure: 'answeredAt', reason: NO_LEVELS });
  // Per person: who was paged needs the levels; acknowledgements and intervention hours need the acknowledger.
  if (!fields.levels || !fields.acknowledger)
    out.push({
      figure: 'people',
      reason: [!fields.levels && NO_LEVELS, !fields.acknowledger && NO_ACKNOWLEDGER].filter(Boolean).join('; '),
    });
  return out;
}

/** Whether the backend tells who intervened on a page (the compensation's intervention hours). */
export const knowsIntervention = (backend: Backend): boolean => HISTORY_FIELDS[backend].acknowledger;

export const INTERVENTION_UNKNOWN = NO_ACKNOWLEDGER;
