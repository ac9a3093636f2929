import { isQueryMonitor } from '../../model/types';
import { direction } from '../../model/thresholds';
import { alertFinding, type ReadinessCheck } from '../check';

/** Warning and critical thresholds point the same way, and the warning comes first. */
export const thresholdsCheck: ReadinessCheck = {
  name: 'alert/thresholds',
  run: ({ alerts }) =>
    alerts.flatMap((a) => {
      if (!isQueryMonitor(a)) return [];
      const { critical, warning } = a.thresholds;
      if (!warning) return [];
      if (direction(critical) !== direction(warning)) {
        return [
          alertFinding(
            'alert/thresholds',
            a,
            `\`${a.id}\`: critical \`${critical.text}\` and warning \`${warning.text}\` point in opposite directions`,
          ),
        ];
      }
      const warnsFirst = direction(critical) === 'above' ? warning.value < critical.value : warning.value > critical.value;
      return warnsFirst
        ? []
        : [
            alertFinding(
              'alert/thresholds',
              a,
              `\`${a.id}\`: warning \`${warning.text}\` is not reached before critical \`${critical.text}\``,
            ),
          ];
    }),
};
