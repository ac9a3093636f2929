import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validatedSchemas, type FileKind } from '../../modules/spec/schema';
import { schemaErrors } from '../../modules/spec/schema-validator';
import { addEditorKeywords, AJV_OPTIONS, renderValidators } from '../../modules/spec/write-validators';
import { fixtureTree, ROOT } from '../helpers';

describe('the precompiled schema validators', () => {
  it('are up to date with the schemas (run `npm run schemas`)', () => {
    expect(readFileSync(join(ROOT, 'modules', 'spec', 'validators.generated.ts'), 'utf8')).toBe(renderValidators());
  });

  it('report what ajv compiling the schemas at run time reports, errors for errors', () => {
    const ajv = addEditorKeywords(new Ajv2020({ ...AJV_OPTIONS }));
    const team = parse(fixtureTree().files.get('storefront/team.yaml')!) as Record<string, any>;
    team.rotations.oncall.membres = ['alice'];
    team.rotations.oncall.every = 'weekly';
    delete team.name;
    const cases: Array<[FileKind, unknown]> = [
      ['org', parse(fixtureTree().files.get('org.yaml')!)],
      ['team', team],
      ['org', { name: 3, people: [] }],
    ];
    for (const [kind, value] of cases) {
      const compiled = ajv.compile(validatedSchemas[kind]);
      const expected = compiled(value) ? [] : compiled.errors;
      expect(schemaErrors(kind, value)).toEqual(expected);
    }
    expect(schemaErrors('team', team).length).toBeGreaterThanOrEqual(3);
  });
});
