/**
 * SARIF 2.1.0 (OASIS), the format code-scanning services read: one run of the `oncall` tool, a rule per code
 * reported (from the registry: summary, documentation, default level), a result per problem with its location.
 * Validated in the tests against the official schema (test/fixtures/sarif/).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDoc, CODES, codeDoc, docPath, isReadinessCheckCode, type Code } from '../../core/codes';
import { maskPhonesInText } from '../../core/mask-phones';
import type { Problem } from '../../core/problem';
import { problemText } from '../../core/problems-text';
import type { ProblemFormatOptions } from './problems';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function formatProblemsSarif(problems: readonly Problem[], options: ProblemFormatOptions): string {
  const used = new Set(problems.map((p) => p.code));
  // Registry order, so the rules (and the results' ruleIndex) do not depend on the order of the problems.
  const codes = [...CODES.keys()].filter((c) => used.has(c));
  const index = new Map(codes.map((c, i) => [c, i]));
  const cwd = options.cwd ?? process.cwd();
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'oncall',
            ...(options.docsBase === undefined ? {} : { informationUri: `${options.docsBase}docs/problems.md` }),
            rules: codes.map((c) => rule(c, options.docsBase)),
          },
        },
        results: problems.map((p) => ({
          ruleId: p.code,
          ruleIndex: index.get(p.code),
          level: p.severity,
          message: { text: maskPhonesInText(problemText(p)) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(p.file, cwd) },
                ...(p.line > 0 ? { region: { startLine: p.line, ...(p.column > 0 ? { startColumn: p.column } : {}) } } : {}),
              },
            },
          ],
          ...(p.squad === undefined && p.alert === undefined && p.service === undefined ? {} : { properties: context(p) }),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function rule(code: Code, docsBase: string | undefined) {
  const doc = codeDoc(code);
  const where = docPath(code);
  const check = isReadinessCheckCode(code) ? checkDoc(code) : undefined;
  const help = check ? `${check.fix}\n\nSee ${where}.` : `See ${where}.`;
  return {
    id: code,
    shortDescription: { text: doc.summary, markdown: doc.summary },
    ...(check ? { fullDescription: { text: check.why, markdown: check.why } } : {}),
    ...(docsBase === undefined ? {} : { helpUri: `${docsBase}${where}` }),
    help: { text: help, markdown: help },
    defaultConfiguration: { level: doc.severity },
  };
}

function context(p: Problem): Record<string, string> {
  return {
    ...(p.squad === undefined ? {} : { squad: p.squad }),
    ...(p.alert === undefined ? {} : { alert: p.alert }),
    ...(p.service === undefined ? {} : { service: p.service }),
  };
}

/** A path under the working directory as a relative URI reference (`teams/org.yaml`); any other as a `file:` URI. */
function artifactUri(file: string, cwd: string): string {
  const inside = relative(cwd, resolve(cwd, file));
  if (inside === '' || isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`))
    return pathToFileURL(resolve(cwd, file)).href;
  return inside.split(sep).map(encodeURIComponent).join('/');
}
