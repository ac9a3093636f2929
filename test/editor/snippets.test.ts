/**
 * The completion snippets are a starting point a squad can keep: inserted as an editor inserts them (strings as
 * they are, unquoted; placeholders replaced by their text), every one loads without an error.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { ALERT_KIND_FIELDS } from '../../modules/spec/schema/alert';
import { ALERT_SNIPPETS, ESCALATION_SNIPPETS, ROTATION_SNIPPETS, SERVICE_SNIPPETS } from '../../modules/spec/schema/snippets';
import type { Snippet } from '../../modules/spec/schema/editor';
import { withFiles } from '../helpers';

const placeholders = (text: string) => text.replace(/\$\{\d+:([^}]*)\}/g, '$1');

/**
 * A body written as the YAML language server writes a snippet (src/languageservice/utils/json.ts, stringifyObject,
 * redhat-developer/yaml-language-server): `key: value` with the string as it is, nested blocks indented.
 */
function insert(body: unknown, indent: string): string {
  if (Array.isArray(body)) {
    return body
      .map((item) => {
        if (item === null || typeof item !== 'object') return `\n${indent}- ${placeholders(String(item))}`;
        const [first, ...rest] = insert(item, `${indent}  `).split('\n').slice(1);
        return `\n${indent}- ${first!.trimStart()}${rest.map((l) => `\n${l}`).join('')}`;
      })
      .join('');
  }
  if (body !== null && typeof body === 'object') {
    return Object.entries(body)
      .map(([k, v]) =>
        v !== null && typeof v === 'object' ? `\n${indent}${k}:${insert(v, `${indent}  `)}` : `\n${indent}${k}: ${placeholders(String(v))}`,
      )
      .join('');
  }
  return ` ${placeholders(String(body))}`;
}

const withMembers = (s: Snippet, members: string[]): Snippet => ({ ...s, body: { ...(s.body as object), members } });

const entry = (id: string, snippet: Snippet, indent = '  ') => `${indent}${id}:${insert(snippet.body, `${indent}  `)}`;

describe('completion snippets', () => {
  it('read back as the values they were written with (quoted where YAML would read otherwise)', () => {
    for (const s of [...ROTATION_SNIPPETS, ...ESCALATION_SNIPPETS, ...SERVICE_SNIPPETS, ...ALERT_SNIPPETS]) {
      const expected = JSON.parse(placeholders(JSON.stringify(s.body)).replace(/"\\"([^"\\]*)\\""/g, '"$1"'));
      expect(parse(entry('x', s, '')).x, s.label).toEqual(expected);
    }
  });

  it('load without an error into a squad of their own', () => {
    const team = [
      'name: New squad',
      'manager: manon',
      'members: [alice, bruno]',
      'rotations:',
      // The people of the fixture's organisation in place of the snippet's.
      entry('oncall', withMembers(ROTATION_SNIPPETS[0]!, ['alice', 'bruno'])),
      entry('secondary', withMembers(ROTATION_SNIPPETS[0]!, ['bruno', 'alice'])),
      'escalations:',
      entry('default', ESCALATION_SNIPPETS[0]!),
      'services:',
      entry('new-shop', SERVICE_SNIPPETS[0]!),
      'alerts:',
      ...ALERT_SNIPPETS.map((s) => entry(`new-${(s.body as { kind: string }).kind}`, s)),
      '',
    ].join('\n');
    const runbooks = Object.fromEntries(
      ALERT_SNIPPETS.map((s) => placeholders(String((s.body as { runbook: string }).runbook))).map((r) => [
        `newsquad/${r}`,
        '# Runbook\n\n## Trigger\n\nWhat fired.\n\n## Resolution\n\nWhat to do.\n\n## Expected time\n\n15 minutes.\n',
      ]),
    );
    const { problems } = loadOrganisation(withFiles({ 'newsquad/team.yaml': team, ...runbooks }));
    const mine = problems.filter((p) => p.file.includes('newsquad') && p.severity === 'error');
    expect(mine.map((p) => `${p.line}: ${p.code} ${p.message}`)).toEqual([]);
    expect(ALERT_SNIPPETS.map((s) => (s.body as { kind: string }).kind).sort()).toEqual(Object.keys(ALERT_KIND_FIELDS).sort());
  });
});
