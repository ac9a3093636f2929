import { writeFileSync } from 'node:fs';
import { plural } from '../../core/problems-text';
import type { Problem } from '../../core/problem';
import { sourceTexts as sourcesOf } from '../../spec/source';
import { oneOf, parseCommandArgs, stringOption } from '../args';
import { sarifDocsBase } from '../docs-base';
import { planDiffMarkdown, planDiffText } from '../format/plan-diff';
import { formatProblems } from '../format/problems';
import { pathIn, type Io } from '../io';
import { stacksDirOption } from '../load-teams';
import { failsOn, MAX_WARNINGS_OPTION, maxWarningsOption } from '../max-warnings';
import { pullRequestCheck, type PullRequestCheck } from '../pull-request-check';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';

export const checkUsage = `oncall check --base GITREF [--teams DIR] [--stacks DIR] [--annotations github] [--sarif FILE] [--comment FILE] [--max-warnings N]

The review of a pull request in one run: what \`oncall validate\` checks (every stack's backend), the
readiness of the alerts added or changed since GITREF (\`oncall readiness --base\`), and the plan of every
stack against GITREF with the deletion guard (\`oncall plan --stack S --base\`). Files unchanged since GITREF
are read once. Prints the problems and the plans (with --annotations github: annotations for the diff
instead); --sarif writes the problems as SARIF 2.1.0; --comment writes one markdown comment (its first line
is <!-- oncall-plan -->) with the validation, the readiness findings and every plan.
Exit 1 on any error, a deletion or replacement the YAML did not retire, a base that does not load, or more
warnings (validation and readiness together) than N with --max-warnings; 2 on a usage error.`;

export const COMMENT_MARKER = '<!-- oncall-plan -->';

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    base: { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    stacks: { type: 'string' },
    annotations: { type: 'string' },
    sarif: { type: 'string' },
    comment: { type: 'string' },
    ...MAX_WARNINGS_OPTION,
  });
  const base = stringOption(values, 'base');
  if (base === undefined) throw new UsageError('--base is needed: the git ref the pull request is compared with (origin/main)');
  const maxWarnings = maxWarningsOption(values);
  const annotations =
    stringOption(values, 'annotations') === undefined
      ? undefined
      : oneOf('annotations', stringOption(values, 'annotations'), ['github'] as const, 'github');
  const dir = stringOption(values, 'teams') ?? 'teams';
  const stacksDir = stacksDirOption(stringOption(values, 'stacks'), dir, io);
  const result = pullRequestCheck({ teams: dir, stacksDir, base }, io);
  const problems: Problem[] = [...result.validation.problems, ...(result.readiness?.findings ?? [])];

  const shown = annotations === 'github' ? formatProblems('github', problems, new Map()) : checkText(result, dir);
  if (shown !== '') io.out(shown);
  const sarif = stringOption(values, 'sarif');
  if (sarif !== undefined) write(io, 'sarif', sarif, formatProblems('sarif', problems, new Map(), { docsBase: sarifDocsBase('sarif') }));
  const comment = stringOption(values, 'comment');
  if (comment !== undefined) write(io, 'comment', comment, checkMarkdown(result, dir, base));

  const { failed, note } = failsOn(problems, maxWarnings);
  if (note !== undefined) io.err(`oncall check: ${note}`);
  const stopped = result.stacks.some((s) => s.refused !== undefined || (s.plan?.blocked.length ?? 0) > 0);
  return failed || stopped ? EXIT_PROBLEMS : EXIT_OK;
}

function write(io: Io, option: string, file: string, text: string): void {
  try {
    writeFileSync(pathIn(io, file), `${text}\n`);
  } catch (err) {
    throw new UsageError(`--${option}: cannot write \`${file}\`: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function checkText(r: PullRequestCheck, dir: string): string {
  const v = r.validation;
  const org = v.organisation;
  const out: string[] = [];
  // As `validate` prints it.
  if (v.problems.length > 0) out.push(formatProblems('text', v.problems, sourcesOf(v.tree)));
  if (org && !v.problems.some((p) => p.severity === 'error'))
    out.push(
      `${dir}: valid — ${plural(org.squads.size, 'squad')}, ${plural(org.people.size, 'person')}, ${plural(org.rotations.size, 'rotation')}, ${plural(org.alerts.size, 'alert')}`.replace(
        'persons',
        'people',
      ),
    );
  if (r.skipped !== undefined) out.push(`Not checked: ${r.skipped}.`);
  if (r.readiness) out.push(formatProblems('text', r.readiness.findings, new Map(), { subject: r.readiness.subject }));
  for (const s of r.stacks) {
    if (s.plan) out.push(planDiffText(s.plan));
    else
      out.push(
        `${s.stack}: ${s.refused ?? ''}${s.baseProblems ? `\n${formatProblems('text', s.baseProblems.problems, s.baseProblems.sources)}` : ''}`,
      );
  }
  return out.join('\n\n');
}

/** The pull request's comment: found again by its first line and edited in place on each push. */
export function checkMarkdown(r: PullRequestCheck, dir: string, base: string): string {
  const out = [
    COMMENT_MARKER,
    formatProblems('markdown', r.validation.problems, new Map(), { title: 'Validation', subject: dir, clean: 'valid' }),
  ];
  if (r.readiness) {
    out.push(
      formatProblems('markdown', r.readiness.findings, new Map(), {
        title: 'Production readiness',
        subject: r.readiness.subject,
        clean: 'every check passes',
      }),
    );
  }
  if (r.skipped !== undefined) out.push(`Not checked against \`${base}\`: ${r.skipped}.`);
  else if (r.stacks.length === 0) out.push('No stack in the stacks directory: nothing is planned.');
  for (const s of r.stacks) {
    if (s.plan) out.push(planDiffMarkdown(s.plan));
    else {
      out.push(`### oncall plan: \`${s.stack}\` compared with \`${base}\`\n\n❌ ${s.refused ?? ''}`);
      if (s.baseProblems) out.push(formatProblems('markdown', s.baseProblems.problems, new Map(), { title: `\`${base}\``, subject: base }));
    }
  }
  return out.join('\n\n');
}
