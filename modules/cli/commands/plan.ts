import { renderStack } from '../../render/stack';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { planJson, planMarkdown, planText, PLAN_FORMATS } from '../format/plan';
import type { Io } from '../io';
import { loadTeamsDir, stacksBeside } from '../load-teams';
import { formatProblems } from '../format/problems';
import { sourceTexts as sourcesOf } from '../../spec/source';
import { hasErrors } from '../../core/problem';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';

export const planUsage = `oncall plan [--stack NAME] [--format text|json|markdown] [--teams DIR] [--stacks DIR]

The desired state of a stack, offline: no credentials, no Pulumi CLI. --stack may be left out when there is
one stack. json: {"stack","backend","resources":[{"type","name","inputs"}]} where type is the Pulumi type
token, inputs are the provider's input properties, and references are {"$ref": name, "property"} or
{"$invoke": function, "args", "property"} (a lookup such as a user by e-mail).`;

export async function planCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    stack: { type: 'string' },
    format: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    stacks: { type: 'string' },
  });
  const format = oneOf('format', stringOption(values, 'format'), PLAN_FORMATS, 'text');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const stacksDir = stringOption(values, 'stacks') ?? stacksBeside(dir);
  const result = loadTeamsDir(dir, io.now().getTime(), stacksDir);
  if (hasErrors(result.problems) || !result.organisation) {
    io.err(`${formatProblems('text', result.problems.filter((p) => p.severity === 'error'), sourcesOf(result.tree))}\n\nFix these first: \`oncall validate --teams ${dir}\`.`);
    return EXIT_PROBLEMS;
  }
  const stacks = result.stacks ?? [];
  const wanted = stringOption(values, 'stack');
  if (stacks.length === 0) throw new UsageError(`no stack in ${stacksDir}: add a Pulumi.<stack>.yaml with \`oncall:backend\``);
  const stack = wanted === undefined ? (stacks.length === 1 ? stacks[0] : undefined) : stacks.find((s) => s.name === wanted);
  if (!stack) {
    throw new UsageError(`${wanted === undefined ? 'choose a stack with --stack' : `unknown stack \`${wanted}\``}; stacks: ${stacks.map((s) => s.name).join(', ')}`);
  }
  const state = renderStack(result.organisation, stack);
  io.out(format === 'json' ? planJson(state) : format === 'markdown' ? planMarkdown(state) : planText(state));
  return EXIT_OK;
}
