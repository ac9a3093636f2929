/**
 * What the published schemas add for editors (the YAML language server of VS Code and others): keywords the
 * validators do not act on, and checks that only editors run because the loader makes them itself, with a
 * position and a suggestion.
 */
import type { JsonSchema } from './defs';

/**
 * Keywords of the YAML language server (redhat-developer/yaml-language-server, src/languageservice/jsonSchema.ts):
 * messages for failed checks, markdown documentation, completion snippets, keys not proposed.
 */
export const EDITOR_KEYWORDS = ['patternErrorMessage', 'errorMessage', 'markdownDescription', 'defaultSnippets', 'doNotSuggest'] as const;

/** The `$comment` that marks a check run by editors only. */
export const EDITORS_ONLY = 'editors only: the loader reports this itself, positioned and with a suggestion';

/** A check for editors only, placed in an `allOf`; the validators and the spec types leave it out. */
export function editorsOnly(schema: JsonSchema): JsonSchema {
  return { $comment: EDITORS_ONLY, ...schema };
}

/** A completion snippet: `body` is what is inserted, where `${1:text}` marks a place to type. */
export interface Snippet {
  readonly label: string;
  readonly description: string;
  readonly body: unknown;
}

export function snippets(...list: Snippet[]): { defaultSnippets: Snippet[] } {
  return { defaultSnippets: list };
}

function mapSchema(node: unknown, visit: (obj: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => mapSchema(n, visit));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    // Values, not schemas: enumerations and snippet bodies are left as they are.
    out[k] = k === 'enum' || k === 'const' || k === 'defaultSnippets' ? v : mapSchema(v, visit);
  }
  return visit(out);
}

/** Descriptions with code or links are given as markdown too: editors show `x` as code in hovers and completions. */
export function withMarkdown(schema: JsonSchema): JsonSchema {
  return mapSchema(schema, (obj) =>
    typeof obj.description === 'string' && /`|https?:\/\//.test(obj.description) ? { ...obj, markdownDescription: obj.description } : obj,
  ) as JsonSchema;
}

/**
 * The schema without the checks for editors only, nor their documentation and snippets: what the validators
 * (which embed the schema of each error) and the spec types are built from.
 */
export function withoutEditorChecks(schema: JsonSchema): JsonSchema {
  return mapSchema(schema, (obj) => {
    const { allOf, markdownDescription: _markdown, defaultSnippets: _snippets, ...rest } = obj;
    if (!Array.isArray(allOf)) return rest;
    const kept = allOf.filter((s) => (s as { $comment?: unknown }).$comment !== EDITORS_ONLY);
    return kept.length > 0 ? { ...rest, allOf: kept } : rest;
  }) as JsonSchema;
}
