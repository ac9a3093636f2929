import { renderStack } from '../../render/stack';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { planJson, planMarkdown, planText, PLAN_FORMATS } from '../format/plan';
import { pathIn, type Io } from '../io';
import { loadTeamsDir, stacksDirOption } from '../load-teams';
import { formatProblems } from '../format/problems';
import { sourceTexts as sourcesOf } from '../../spec/source';
import { hasErrors } from '../../core/problem';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';
import { baseDeployment } from '../base-deployment';
import { displayedState } from '../../render/displayed';
import { planDiffJson, planDiffMarkdown, planDiffText } from '../format/plan-diff';
import { planAgainstBase } from '../plan-against-base';

export const planUsage = `oncall plan [--stack NAME] [--base GITREF [--allow-delete]] [--format text|json|markdown] [--teams DIR] [--stacks DIR]

The desired state of a stack, offline: no credentials, no Pulumi CLI. --stack may be left out when there is
one stack. json: {"stack","backend","resources":[{"type","name","inputs"}]} where type is the Pulumi type
token, inputs are the provider's input properties, and references are {"$ref": name, "property"} or
{"$invoke": function, "args", "property"} (a lookup such as a user by e-mail).

With --base, the difference with what the stack deployed at that git ref (the organisation and the stack
file at that ref): resources to create, update (with the inputs that change), replace or delete, and who
is on call week by week over the next 8 weeks, before and after, for every rotation touched. Deleting or
replacing a schedule, escalation policy, phone line, status-page component or monitor exits 1, unless its
YAML object was already marked \`retired\` at the base or --allow-delete is given. A base that does not
load exits 1 (with --allow-delete, everything is compared with nothing).`;

export async function planCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    stack: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    stacks: { type: 'string' },
    base: { type: 'string' },
    'allow-delete': { type: 'boolean' },
  });
  const format = oneOf('format', stringOption(values, 'format'), PLAN_FORMATS, 'text');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const givenStacks = stringOption(values, 'stacks');
  const stacksDir = stacksDirOption(givenStacks, dir, io);
  const wanted = stringOption(values, 'stack');
  const result = loadTeamsDir(dir, io.now().getTime(), stacksDir, io, wanted);
  if (hasErrors(result.problems) || !result.organisation) {
    io.err(
      `${formatProblems(
        'text',
        result.problems.filter((p) => p.severity === 'error'),
        sourcesOf(result.tree),
      )}\n\nFix these first: \`oncall validate --teams ${dir}${givenStacks === undefined ? '' : ` --stacks ${givenStacks}`}\`.`,
    );
    return EXIT_PROBLEMS;
  }
  const stacks = result.stacks ?? [];
  if (stacks.length === 0) throw new UsageError(`no stack in ${stacksDir}: add a Pulumi.<stack>.yaml with \`oncall:backend\``);
  const stack = wanted === undefined ? (stacks.length === 1 ? stacks[0] : undefined) : stacks.find((s) => s.name === wanted);
  if (!stack) {
    throw new UsageError(
      `${wanted === undefined ? 'choose a stack with --stack' : `unknown stack \`${wanted}\``}; stacks: ${stacks.map((s) => s.name).join(', ')}`,
    );
  }
  const settings = { ...stack, now: io.now().getTime() };
  const state = renderStack(result.organisation, settings);
  const base = stringOption(values, 'base');
  if (base === undefined) {
    if (values['allow-delete']) throw new UsageError('--allow-delete goes with --base');
    // Phone numbers go to the providers only: the plan masks them.
    const shown = displayedState(state);
    io.out(format === 'json' ? planJson(shown) : format === 'markdown' ? planMarkdown(shown) : planText(shown));
    return EXIT_OK;
  }
  const allowDelete = values['allow-delete'] === true;
  const before = baseDeployment({
    teamsDir: pathIn(io, dir),
    teamsDisplay: result.tree?.root ?? dir,
    stacksDir: pathIn(io, stacksDir),
    stack,
    ref: base,
    now: settings.now,
  });
  if (before.kind === 'broken') {
    const message = `${before.what} does not load, so what the stack deployed there is unknown`;
    if (!allowDelete) {
      io.err(
        `${formatProblems('text', before.problems, before.sources)}\n\n${message}: fix the base, or accept every deletion with --allow-delete.`,
      );
      return EXIT_PROBLEMS;
    }
    io.err(`warning: ${message}; --allow-delete: everything is compared with nothing.`);
  }
  const report = planAgainstBase({ organisation: result.organisation, stack, state }, before, base, io.now().getTime(), allowDelete);
  io.out(format === 'json' ? planDiffJson(report) : format === 'markdown' ? planDiffMarkdown(report) : planDiffText(report));
  return report.blocked.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
