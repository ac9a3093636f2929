import { hasErrors } from '../../core/problem';
import { parseCommandArgs, stringOption } from '../args';
import { formatProblems } from '../format/problems';
import { formatOrganisationSummary } from '../format/organisation-summary';
import { loadTeamsDir, stacksBeside } from '../load-teams';
import { planText } from '../format/plan';
import { renderStack } from '../../render/stack';
import { sourceTexts as sourcesOf } from '../../spec/source';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage-error';
import type { Io } from '../io';
import { formatWhoText } from '../format/who';
import { formatRoster } from '../format/roster';
import { whoIsOnCall } from '../../schedule/who';
import { roster } from '../../schedule/roster';
import { windowOption } from './roster';

const DEMO_WEEKS = 2;
const DEMO_STACK = 'acme-pagerduty';

export const demoUsage = `oncall demo [--teams DIR]

Validates the organisation, summarises it, shows who is on call now, the roster of the next ${DEMO_WEEKS}
weeks and the plan of the ${DEMO_STACK} stack: what \`npm start\` runs on the bundled example.`;

export async function demoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, { teams: { type: 'string', default: 'teams' } });
  const dir = stringOption(values, 'teams') ?? 'teams';
  const now = io.now().getTime();
  const result = loadTeamsDir(dir, now, stacksBeside(dir, io.cwd), io);
  io.out(`$ oncall validate --teams ${dir}`);
  if (result.problems.length > 0) io.out(formatProblems('text', result.problems, sourcesOf(result.tree)));
  if (hasErrors(result.problems) || !result.organisation) return EXIT_PROBLEMS;
  const org = result.organisation;
  io.out(`${dir}: valid\n`);
  io.out(formatOrganisationSummary(org));
  io.out(`\n$ oncall who\n${formatWhoText(org, whoIsOnCall(org, now), now)}`);
  const { from, to } = windowOption({ weeks: String(DEMO_WEEKS) }, org.timezone, now, DEMO_WEEKS);
  io.out(`\n$ oncall roster --weeks ${DEMO_WEEKS}\n${formatRoster('text', roster(org, from, to), org)}`);
  const stack = (result.stacks ?? []).find((s) => s.name === DEMO_STACK) ?? result.stacks?.[0];
  if (stack) io.out(`\n$ oncall plan --stack ${stack.name}\n${planText(renderStack(org, { ...stack, now }))}`);
  io.out(nextSteps(dir, stack?.name));
  return EXIT_OK;
}

/** What a newcomer runs next: the three commands of a first change, with the folder they ran the demo on. */
export function nextSteps(dir: string, stack: string | undefined): string {
  const teams = dir === 'teams' ? '' : ` --teams ${dir}`;
  const steps: [string, string][] = [
    [`npx oncall who --at 2026-12-25T12:00${teams}`, 'who is on call at an instant (here, Christmas noon)'],
    [`npx oncall validate${teams}`, `after editing ${dir}/: every problem, positioned`],
    stack === undefined
      ? ['npx oncall init --backend pagerduty', 'a stack file, then `oncall plan`']
      : [`npx oncall plan --stack ${stack} --base main${teams}`, `what your change does to ${stack}, against main`],
  ];
  const width = Math.max(...steps.map(([command]) => command.length));
  return [
    '',
    'Next:',
    ...steps.map(([command, why]) => `  ${command.padEnd(width)}  ${why}`),
    'Docs: README.md (the YAML model, backends, CLI); every problem code: docs/problems.md.',
  ].join('\n');
}
