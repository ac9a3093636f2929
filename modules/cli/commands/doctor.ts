import { hasErrors } from '../../core/problem';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { doctorChecks, type CheckResult } from '../doctor/checks';
import { httpGet, type Get } from '../doctor/http';
import type { Io } from '../io';
import { loadTeamsDir, stacksDirOption } from '../load-teams';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';

export const doctorUsage = `oncall doctor --stack NAME [--format text|json] [--teams DIR] [--stacks DIR]

Checks, read-only, what the stack needs from the live accounts before its first \`pulumi up\`: the keys are
accepted, every person of its squads has a user on the paging backend and on Datadog On-Call, the PagerDuty
plan has the abilities the stack uses; lists the steps no API can confirm. Keys come from the environment
variables the providers read (PAGERDUTY_TOKEN, OPSGENIE_API_KEY, DD_API_KEY, DD_APP_KEY): read-only keys are
enough. Sites come from the stack file (\`datadog:apiUrl\`, \`opsgenie:apiUrl\`). Exit 1 when a check fails.`;

const MARK: Record<CheckResult['status'], string> = { ok: 'ok    ', failed: 'FAILED', manual: 'manual' };

export function doctorCommandWith(get: Get) {
  return async function doctorCommand(argv: string[], io: Io): Promise<number> {
    const { values } = parseCommandArgs(argv, {
      stack: { type: 'string' },
      format: { type: 'string' },
      teams: { type: 'string', default: 'teams' },
      stacks: { type: 'string' },
    });
    const format = oneOf('format', stringOption(values, 'format'), ['text', 'json'] as const, 'text');
    const dir = stringOption(values, 'teams') ?? 'teams';
    const stacksDir = stacksDirOption(stringOption(values, 'stacks'), dir, io);
    const wanted = stringOption(values, 'stack');
    if (wanted === undefined) throw new UsageError('name the stack to check with --stack');
    const result = loadTeamsDir(dir, io.now().getTime(), stacksDir, io);
    if (hasErrors(result.problems) || !result.organisation) {
      io.err(`oncall doctor: the organisation in ${dir} is not valid; run \`oncall validate --teams ${dir} --stacks ${stacksDir}\``);
      return EXIT_PROBLEMS;
    }
    const stack = (result.stacks ?? []).find((s) => s.name === wanted);
    if (!stack)
      throw new UsageError(
        `unknown stack \`${wanted}\`; stacks in ${stacksDir}: ${(result.stacks ?? []).map((s) => s.name).join(', ') || 'none'}`,
      );
    const checks = await doctorChecks(result.organisation, stack, io.env, get);
    if (format === 'json') io.out(JSON.stringify({ stack: stack.name, backend: stack.backend, checks }));
    else
      io.out(
        [
          `oncall doctor: stack ${stack.name} (${stack.backend})`,
          ...checks.map((c) => `  ${MARK[c.status]}  ${c.check.padEnd(20)} ${c.detail}`),
        ].join('\n'),
      );
    return checks.some((c) => c.status === 'failed') ? EXIT_PROBLEMS : EXIT_OK;
  };
}

export const doctorCommand = doctorCommandWith(httpGet);
