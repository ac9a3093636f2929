import { hinted } from '../../core/suggest';
import { alertFinding, type ReadinessCheck } from '../check';

/** The most urgent alerts wake someone up; the least urgent never do. */
export const pagingSeverityCheck: ReadinessCheck = {
  name: 'alert/paging-severity',
  run: ({ alerts }) =>
    alerts.flatMap((a) => {
      if ((a.severity === 'P1' || a.severity === 'P2') && !a.page) {
        return [
          alertFinding(
            'alert/paging-severity',
            a,
            hinted(`\`${a.id}\` is ${a.severity} but does not page`, 'remove `page: false` or lower its severity'),
          ),
        ];
      }
      if ((a.severity === 'P4' || a.severity === 'P5') && a.page) {
        return [
          alertFinding(
            'alert/paging-severity',
            a,
            hinted(`\`${a.id}\` is ${a.severity} but pages someone`, 'set `page: false` or raise its severity'),
          ),
        ];
      }
      return [];
    }),
};
