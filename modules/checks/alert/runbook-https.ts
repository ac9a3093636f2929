import { alertFinding, type ReadinessCheck } from '../check';

/** A runbook on the web is reached over https. */
export const runbookHttpsCheck: ReadinessCheck = {
  name: 'alert/runbook-https',
  run: ({ alerts }) =>
    alerts
      .filter((a) => a.runbook?.kind === 'url' && !a.runbook.url.startsWith('https://'))
      .map((a) =>
        alertFinding('alert/runbook-https', a, `runbook of \`${a.id}\` is not https: ${a.runbook?.kind === 'url' ? a.runbook.url : ''}`),
      ),
};
