import { alertName } from '../../render/alerts/naming';
import { alertFinding, type ReadinessCheck } from '../check';

/** Two alerts with the same name cannot be told apart in a page or a report. */
export const duplicateNameCheck: ReadinessCheck = {
  name: 'alert/duplicate-name',
  run: ({ org, alerts }) => {
    const byName = new Map<string, string[]>();
    for (const a of org.alerts.values()) if (!a.retired) byName.set(alertName(a), [...(byName.get(alertName(a)) ?? []), a.id]);
    return alerts.flatMap((a) => {
      const others = (byName.get(alertName(a)) ?? []).filter((id) => id !== a.id);
      return others.length
        ? [
            alertFinding(
              'alert/duplicate-name',
              a,
              `\`${a.id}\` has the same name as ${others.map((o) => `\`${o}\``).join(', ')}: "${alertName(a)}"`,
            ),
          ]
        : [];
    });
  },
};
