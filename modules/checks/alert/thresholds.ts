import { direction, parseThreshold } from '../../render/alerts/thresholds';
import { alertFinding, type ReadinessCheck } from '../check';

/** Warning and critical thresholds point the same way, and the warning comes first. */
export const thresholdsCheck: ReadinessCheck = {
  name: 'alert/thresholds',
  run: ({ alerts }) =>
    alerts.flatMap((a) => {
      const t = a.spec.thresholds;
      if (!t?.warning) return [];
      const critical = parseThreshold(t.critical);
      const warning = parseThreshold(t.warning);
      if (!critical || !warning) return [];
      if (direction(critical) !== direction(warning)) {
        return [alertFinding('alert/thresholds', a, `\`${a.id}\`: critical \`${t.critical}\` and warning \`${t.warning}\` point in opposite directions`)];
      }
      const warnsFirst = direction(critical) === 'above' ? warning.value < critical.value : warning.value > critical.value;
      return warnsFirst ? [] : [alertFinding('alert/thresholds', a, `\`${a.id}\`: warning \`${t.warning}\` is not reached before critical \`${t.critical}\``)];
    }),
};
