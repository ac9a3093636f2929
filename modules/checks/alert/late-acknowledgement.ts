import { hinted } from '../../core/suggest';
import { alertFinding, type ReadinessCheck } from '../check';

/** An alert none of whose recent pages was acknowledged within its response target (read from the history). */
export const lateAcknowledgementCheck: ReadinessCheck = {
  name: 'alert/late-acknowledgement',
  run: ({ alerts, history }) => {
    if (!history) return [];
    return alerts.flatMap((a) => {
      const seen = history.alerts.get(a.id);
      if (!seen || seen.measured === 0 || seen.withinTarget > 0) return [];
      const target = seen.targetMinutes === undefined ? 'its response target' : `its ${seen.targetMinutes}-minute response target`;
      return [
        alertFinding(
          'alert/late-acknowledgement',
          a,
          hinted(
            `\`${a.id}\` paged ${seen.pages} times in the last ${history.days} days on ${history.backend}, never acknowledged within ${target} (${seen.acknowledged} acknowledged late, ${seen.pages - seen.acknowledged} never)`,
            'check whom it reaches and how (routing, escalation, notification rules), or the target',
          ),
        ),
      ];
    });
  },
};
