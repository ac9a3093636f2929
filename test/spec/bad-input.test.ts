/**
 * GIVEN the valid example organisation with ONE thing changed,
 * WHEN it is loaded,
 * THEN exactly the expected problem is reported, at the right place, with an actionable message.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf, lineOf, withEdit, withFiles } from '../helpers';
import { badCases as cases, ORG, PAY, SF } from '../fixtures/bad-cases';

describe('bad input gives one positioned, actionable problem', () => {
  it.each(cases)('$name', (c) => {
    const errors = errorsOf(c.tree());
    const file = `teams/${c.file}`;
    const matching = errors.filter((p) => p.code === c.code && p.file === file);
    expect(matching, JSON.stringify(errors, null, 1)).toHaveLength(1);
    const problem = matching[0]!;
    expect(problem.message).toMatch(c.message);
    // The hint of what to write instead is the suggestion, never repeated in the message.
    expect(problem.message).not.toMatch(/did you mean/);
    if (c.suggestion) expect(problem.suggestion).toMatch(c.suggestion);
    else expect(problem.suggestion).toBeUndefined();
    if (c.line !== undefined) {
      const line = typeof c.line === 'number' ? c.line : lineOf(c.file, c.line, c.tree());
      expect(problem.line).toBe(line);
    } else {
      expect(problem.line).toBeGreaterThan(0);
    }
    if (c.column !== undefined) expect(problem.column).toBe(c.column);
    let others = errors.filter((p) => p !== problem);
    if (c.also) {
      const also = c.also;
      const second = others.filter((p) => p.code === c.code && p.file === `teams/${also.file}`);
      expect(second).toHaveLength(1);
      expect(second[0]!.line).toBe(lineOf(also.file, also.line, c.tree()));
      expect(second[0]!.message).toMatch(also.message);
      others = others.filter((p) => p !== second[0]);
    }
    // One mistake, one problem: nothing else is reported as an error.
    expect(others).toEqual([]);
  });
});

describe('files that cannot be read', () => {
  it('reports a file over the size limit without reading it', () => {
    const tree = { ...withFiles({ [SF]: undefined }), oversized: new Map([[SF, 10 * 1024 * 1024]]) };
    const errors = errorsOf(tree);
    expect(errors.map((p) => p.code)).toEqual(['file/too-large']);
    expect(errors[0]).toMatchObject({ file: `teams/${SF}`, message: expect.stringMatching(/10\.0 MiB; the limit is 4 MiB/) });
  });

  it('reports an empty teams directory', () => {
    const errors = errorsOf({ root: 'teams', files: new Map(), oversized: new Map() });
    expect(errors.map((p) => p.code).sort()).toEqual(['file/missing-org', 'file/no-teams']);
  });

  it('reports every problem, not only the first', () => {
    let tree = withEdit(SF, 'manager: manon', 'manager: manom');
    tree = withEdit(PAY, '  - rotation: oncall', '  - rotation: oncal', tree);
    tree = withEdit(ORG, 'timezone: Europe/Paris', 'timezone: Mars/Olympus', tree);
    expect(
      errorsOf(tree)
        .map((p) => p.code)
        .sort(),
    ).toEqual(['ref/unknown-person', 'ref/unknown-rotation', 'value/invalid-zone']);
  });
});
