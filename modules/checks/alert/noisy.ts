import { hinted } from '../../core/suggest';
import { alertFinding, type ReadinessCheck } from '../check';

/** An alert that paged more often than the organisation allows over the recent window (read from the history). */
export const noisyCheck: ReadinessCheck = {
  name: 'alert/noisy',
  run: ({ org, alerts, history }) => {
    if (!history) return [];
    const { pages: allowed } = org.reports.noisy;
    return alerts.flatMap((a) => {
      const seen = history.alerts.get(a.id);
      if (!seen || seen.pages <= allowed) return [];
      return [
        alertFinding(
          'alert/noisy',
          a,
          hinted(
            `\`${a.id}\` paged ${seen.pages} times in the last ${history.days} days on ${history.backend} (more than ${allowed}; ${seen.acknowledged} acknowledged)`,
            'fix its cause, raise its threshold, or stop it paging; or silence this check on it with a reason and an end date',
          ),
        ),
      ];
    });
  },
};
