/**
 * The hint of what to write instead travels in `suggestion`, never inside the message: over a corpus of
 * mistakes (a typo on many lines of the fixture, seeded hostile inputs, the bad inputs that have a suggestion;
 * bad-input.test.ts checks every bad input one by one) no message says "did you mean", and the hints that exist are found in `suggestion`.
 */
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../modules/bench/generate';
import { hostileCase } from '../../modules/bench/hostile';
import type { Problem } from '../../modules/core/problem';
import { loadOrganisation } from '../../modules/model/load';
import { analyse } from '../../modules/pipeline';
import { parseStackFile } from '../../modules/spec/stacks';
import type { SourceTree } from '../../modules/spec/source';
import { badCases } from '../fixtures/bad-cases';
import { fixtureTree, NOW, withEdit, withFiles } from '../helpers';

const HINT_IN_TEXT = /did you mean/i;
const DID_YOU_MEAN = /^did you mean `[^`]+`\?$/;

/**
 * Every fourth line of the fixture's YAML with its first word of four letters or more misspelt (two letters
 * swapped): keys and ids alike, each tree with one mistake.
 */
function typoTrees(): SourceTree[] {
  const base = fixtureTree();
  const trees: SourceTree[] = [];
  for (const [file, text] of base.files) {
    if (!file.endsWith('.yaml')) continue;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i % 4 !== 0) return;
      const word = /[a-z][a-z-]{3,}/i.exec(line.replace(/#.*/, ''));
      if (!word) return;
      const w = word[0];
      const typo = `${w.slice(0, 1)}${w[2]}${w[1]}${w.slice(3)}`;
      if (typo === w) return;
      const changed = [...lines];
      changed[i] = `${line.slice(0, word.index)}${typo}${line.slice(word.index + w.length)}`;
      trees.push(withFiles({ [file]: changed.join('\n') }, base));
    });
  }
  return trees;
}

function expectNoHintInMessages(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.message, JSON.stringify(p)).not.toMatch(HINT_IN_TEXT);
    if (p.suggestion !== undefined) expect(p.suggestion.trim(), JSON.stringify(p)).not.toBe('');
  }
}

describe('suggestions are kept apart from messages', () => {
  it('over a corpus of mistakes, no message carries "did you mean"; the closest names are suggestions', () => {
    const problems: Problem[] = [];
    for (const c of badCases.filter((b) => b.suggestion)) problems.push(...loadOrganisation(c.tree()).problems);
    const typos = typoTrees();
    expect(typos.length).toBeGreaterThan(40);
    for (const tree of typos) problems.push(...loadOrganisation(tree).problems);
    const generated = generateOrganisation({ squads: 1, peoplePerSquad: 4, alertsPerSquad: 3 });
    for (let seed = 1; seed <= 40; seed++) problems.push(...loadOrganisation(hostileCase(generated, seed).tree).problems);

    expectNoHintInMessages(problems);
    const suggested = problems.filter((p) => p.suggestion !== undefined && DID_YOU_MEAN.test(p.suggestion));
    // Typos of keys and of ids alike are answered with the name meant.
    const codes = new Set(suggested.map((p) => p.code));
    for (const code of ['schema/unknown-key', 'ref/unknown-person', 'ref/unknown-rotation', 'ref/unknown-escalation'])
      expect(codes, [...codes].join(', ')).toContain(code);
  });

  it('a misspelt stack setting, backend or squad is suggested the one meant', () => {
    const { problems } = parseStackFile(
      'stacks/Pulumi.s.yaml',
      's',
      'config:\n  oncall:backend: pagerduty\n  oncall:teamz: [storefront]\n',
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'stack/unknown-key',
        message: 'unknown setting `oncall:teamz`',
        suggestion: 'did you mean `oncall:teams`?',
      }),
    ]);
    const backend = parseStackFile('stacks/Pulumi.s.yaml', 's', 'config:\n  oncall:backend: pagerduty2\n').problems;
    expect(backend).toEqual([expect.objectContaining({ code: 'stack/backend', suggestion: 'did you mean `pagerduty`?' })]);
    expect(backend[0]!.message).toContain('(got `pagerduty2`)');

    const stack = parseStackFile(
      'stacks/Pulumi.s.yaml',
      's',
      'config:\n  oncall:backend: pagerduty\n  oncall:teams: [storefrnt]\n  datadog:apiUrl: https://api.datadoghq.eu/\n',
    );
    const unknownTeam = analyse(fixtureTree(), NOW, { stacks: [stack.stack!], problems: [] }).problems.filter(
      (p) => p.code === 'stack/unknown-team',
    );
    expect(unknownTeam).toEqual([expect.objectContaining({ suggestion: 'did you mean `storefront`?' })]);
    expectNoHintInMessages(unknownTeam);
  });

  it('a stack without a Datadog site is told which setting to add', () => {
    const stack = parseStackFile('stacks/Pulumi.s.yaml', 's', 'config:\n  oncall:backend: pagerduty\n').stack!;
    const site = analyse(fixtureTree(), NOW, { stacks: [stack], problems: [] }).problems.filter((p) => p.code === 'stack/datadog-site');
    expect(site).toHaveLength(1);
    expect(site[0]!.suggestion).toMatch(/^set `datadog:apiUrl`/);
    expect(site[0]!.message).not.toContain('set `datadog:apiUrl`');
  });

  it('a zone in the wrong case and a handoff day on daily turns are told what to write', () => {
    const zone = loadOrganisation(withEdit('org.yaml', 'timezone: Europe/Paris', 'timezone: europe/paris')).problems;
    expect(zone).toEqual([expect.objectContaining({ code: 'value/invalid-zone', suggestion: 'write `Europe/Paris`' })]);
    expect(zone[0]!.message).not.toContain('write');

    const daily = withEdit(
      'storefront/team.yaml',
      '    start: 2026-01-05          # a Monday',
      '    every: 1d\n    handoff: monday 08:30\n    start: 2026-01-05          # a Monday',
    );
    const handoff = loadOrganisation(daily).problems.filter((p) => p.code === 'rotation/handoff-day');
    expect(handoff).toEqual([
      expect.objectContaining({ message: 'a handoff day only applies to weekly turns', suggestion: 'write the time alone (`08:30`)' }),
    ]);
  });
});
