/** Codes of reading the files: the teams folder, YAML syntax, the JSON Schemas. */
import { codeGroup } from './define';

export const FILE_CODES = codeGroup('Files (`file/…`)', {
  'file/missing-dir': { severity: 'error', summary: 'the teams directory does not exist or is not a directory' },
  'file/missing-org': { severity: 'error', summary: '`org.yaml` is missing from the teams directory' },
  'file/no-teams': { severity: 'error', summary: 'no squad folder with a `team.yaml`' },
  'file/missing-team': { severity: 'error', summary: 'a squad folder has no `team.yaml` (a `team.yml` is named so you can rename it)' },
  'file/bad-folder': { severity: 'error', summary: "a squad folder's name is not an id" },
  'file/unexpected': {
    severity: 'warning',
    severityNote: 'error for `.yml`',
    summary: 'a YAML file the loader does not read, so it would be silently ignored',
  },
  'file/too-large': { severity: 'error', summary: 'a file over 4 MiB; split alerts into `alerts/*.yaml`' },
  'file/not-text': { severity: 'error', summary: 'a binary file where YAML is expected' },
  'file/empty': { severity: 'error', summary: 'a file with no content' },
  'file/unreadable': {
    severity: 'error',
    summary:
      'a file or folder that exists but cannot be read (permissions, a folder where a file is expected, a device or pipe); also a stack file or the stacks folder',
  },
  'file/not-utf8': {
    severity: 'error',
    summary: 'a file that is not UTF-8 (saved as Latin-1 or Windows-1252), at the first byte that is not',
  },
  'file/symlink': {
    severity: 'error',
    summary: 'a symbolic link to a squad folder or a file: links are not followed, so a squad is never silently left out',
  },
  'file/reserved-name': {
    severity: 'error',
    summary: "a squad folder named `index` or `organisation`: the catalog's index page and the status page's owner use these names",
  },
});

export const YAML_CODES = codeGroup(
  'YAML syntax (`yaml/…`)',
  {
    'yaml/tab-indent': { severity: 'error', summary: 'a tab used for indentation' },
    'yaml/unclosed': { severity: 'error', summary: 'an unclosed quote or bad escape' },
    'yaml/duplicate-key': { severity: 'error', summary: 'the same key twice in one mapping' },
    'yaml/syntax': { severity: 'error', summary: 'any other syntax error' },
    'yaml/alias-limit': { severity: 'error', summary: 'aliases that expand to too much data ("billion laughs")' },
    'yaml/invalid': { severity: 'error', summary: 'YAML that cannot be turned into data' },
    'yaml/too-deep': {
      severity: 'error',
      summary:
        'nesting deeper than 32 levels (brackets, indentation, `- - -` or `? ? ?` on one line); checked before parsing, so any file is answered at once',
    },
    'yaml/complex-key': { severity: 'error', summary: 'a mapping or a list used as a key (`? [a, b]`, `? - a`): keys are names' },
  },
  'When a file cannot be parsed, only the root cause is reported (later parser errors follow from it).',
);

export const SCHEMA_CODES = codeGroup(
  'Schema (`schema/…`)',
  {
    'schema/unknown-key': {
      severity: 'error',
      summary: 'a key the schema does not know, with the closest known key; the rest of the file is still checked',
    },
    'schema/missing-key': { severity: 'error', summary: 'a required key is absent' },
    'schema/wrong-type': { severity: 'error', summary: 'a list where a mapping is expected, text where a number is expected…' },
    'schema/invalid-value': { severity: 'error', summary: 'a value of the wrong form (time, duration, date, URL, severity…)' },
    'schema/invalid-key': { severity: 'error', summary: 'a key that is not a valid id (ids also cannot be `__proto__`)' },
    'schema/reserved': { severity: 'error', summary: '`constructor` or `prototype` used as an id' },
    'schema/duplicate-item': { severity: 'error', summary: 'the same entry twice in a list' },
    'schema/empty': { severity: 'error', summary: 'an empty list or mapping where one entry at least is needed' },
    'schema/too-many': { severity: 'error', summary: 'a list with too many entries' },
    'schema/conflicting-keys': { severity: 'error', summary: 'two keys of which only one may be given' },
  },
  'Checked against `schemas/*.schema.json`. Messages say what the schema expects.',
);
