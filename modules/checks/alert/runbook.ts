import { hinted } from '../../core/suggest';
import { alertFinding, type ReadinessCheck } from '../check';

/** Every alert has an operating procedure: what triggers it, how to resolve it, how long that takes. */
export const runbookCheck: ReadinessCheck = {
  name: 'alert/runbook',
  run: ({ alerts }) =>
    alerts
      .filter((a) => !a.runbook)
      .map((a) =>
        alertFinding(
          'alert/runbook',
          a,
          hinted(`\`${a.id}\` has no runbook`, `add \`runbook: runbooks/${a.id}.md\` with its trigger, resolution and expected time`),
        ),
      ),
};
