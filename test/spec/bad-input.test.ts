/**
 * GIVEN the valid example organisation with ONE thing changed,
 * WHEN it is loaded,
 * THEN exactly the expected problem is reported, at the right place, with an actionable message.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf, lineOf, withEdit, withFiles } from '../helpers';
import type { SourceTree } from '../../modules/spec/source';

const SF = 'storefront/team.yaml';
const PAY = 'payments/team.yaml';
const ORG = 'org.yaml';

interface Case {
  name: string;
  tree: () => SourceTree;
  code: string;
  file: string;
  /** Line as a number, or the text whose first line it is. */
  line?: number | string;
  column?: number;
  message: RegExp;
  /** A second problem the same mistake causes elsewhere (a duplicate's first definition). */
  also?: { file: string; line: string; message: RegExp };
}

const cases: Case[] = [
  {
    name: 'tab indentation',
    tree: () => withEdit(SF, '    name: Storefront on call', '\tname: Storefront on call'),
    code: 'yaml/tab-indent',
    file: SF,
    line: 'Storefront on call',
    message: /tabs are not allowed/,
  },
  {
    name: 'unclosed quote',
    tree: () => withEdit(SF, 'number: "+33199000101"', 'number: "+33199000101'),
    code: 'yaml/unclosed',
    file: SF,
    message: /closing "quote/,
  },
  {
    name: 'duplicate key',
    tree: () => withEdit(SF, 'manager: manon\n', 'manager: manon\nmanager: alice\n'),
    code: 'yaml/duplicate-key',
    file: SF,
    line: 'manager: alice',
    column: 1,
    message: /appears twice/,
  },
  {
    name: 'unknown key, with a suggestion',
    tree: () => withEdit(SF, '    start: 2026-01-05', '    strat: 2026-01-05'),
    code: 'schema/unknown-key',
    file: SF,
    line: 'strat:',
    column: 5,
    message: /unknown key `strat` in `oncall`; did you mean `start`\?/,
  },
  {
    name: 'unknown top-level key',
    tree: () => withEdit(ORG, 'fairness:', 'fairnes:'),
    code: 'schema/unknown-key',
    file: ORG,
    line: 'fairnes:',
    column: 1,
    message: /unknown key `fairnes` at the top level; did you mean `fairness`\?/,
  },
  {
    name: 'wrong type',
    tree: () => withEdit(PAY, 'members: [jules, hugo, ines]', 'members: jules'),
    code: 'schema/wrong-type',
    file: PAY,
    line: 'members: jules',
    column: 14,
    message: /`members` must be a list, not `jules`/,
  },
  {
    name: 'unknown person in a rotation',
    tree: () => withEdit(SF, 'members: [alice, bruno, chloe, david]\n    start', 'members: [alise, bruno, chloe, david]\n    start'),
    code: 'ref/unknown-person',
    file: SF,
    line: 'alise',
    column: 15,
    message: /unknown person `alise` in rotation `oncall`; did you mean `alice`\?/,
  },
  {
    name: 'unknown manager',
    tree: () => withEdit(SF, 'manager: manon', 'manager: manom'),
    code: 'ref/unknown-person',
    file: SF,
    line: 'manager: manom',
    column: 10,
    message: /unknown person `manom` in the manager of `storefront`; did you mean `manon`\?/,
  },
  {
    name: 'unknown rotation in an escalation step',
    tree: () => withEdit('platform/team.yaml', '{ rotation: secondary }', '{ rotation: secundary }'),
    code: 'ref/unknown-rotation',
    file: 'platform/team.yaml',
    line: 'secundary',
    message: /unknown rotation `secundary` in an escalation step; did you mean `secondary`\?/,
  },
  {
    name: 'unknown rotation in routing',
    tree: () => withEdit(PAY, '  - rotation: oncall', '  - rotation: on-call'),
    code: 'ref/unknown-rotation',
    file: PAY,
    line: 'rotation: on-call',
    message: /unknown rotation `on-call` in routing; did you mean `oncall`\?/,
  },
  {
    name: 'unknown escalation policy on an alert',
    tree: () => withEdit(PAY, '    severity: P3\n', '    severity: P3\n    escalation: standard-4hh\n'),
    code: 'ref/unknown-escalation',
    file: PAY,
    line: 'standard-4hh',
    message: /unknown escalation policy `standard-4hh`; did you mean `standard-4h`\?/,
  },
  {
    name: 'duplicate alert id across files',
    tree: () =>
      withFiles({
        'payments/alerts/more.yaml': 'alerts:\n  shop-home-page:\n    title: Again\n    kind: metric\n    severity: P3\n    query: avg:x{*}\n    thresholds: { critical: "> 1" }\n',
      }),
    code: 'ref/duplicate-id',
    file: 'payments/alerts/more.yaml',
    line: 2,
    column: 3,
    message: /alert id `shop-home-page` is defined twice: here and at teams\/storefront\/team\.yaml:\d+/,
    also: { file: SF, line: '  shop-home-page:', message: /defined twice: here and at teams\/payments\/alerts\/more\.yaml:2/ },
  },
  {
    name: 'duplicate service id across squads',
    tree: () => withEdit(PAY, '  payment-api:\n    name', '  shop:\n    name'),
    code: 'ref/duplicate-id',
    file: PAY,
    line: '  shop:',
    message: /service id `shop` is defined twice: here and at teams\/storefront\/team\.yaml:\d+/,
    also: { file: SF, line: '  shop:', message: /defined twice: here and at teams\/payments\/team\.yaml:\d+/ },
  },
  {
    name: 'invalid time zone',
    tree: () => withEdit(ORG, 'timezone: Europe/Paris', 'timezone: Europe/Pari'),
    code: 'value/invalid-zone',
    file: ORG,
    line: 'Europe/Pari',
    column: 13,
    message: /`Europe\/Pari` is not an IANA time zone.*did you mean `Europe\/Paris`\?/,
  },
  {
    name: 'invalid phone number (never echoed in full)',
    tree: () => withEdit(ORG, '"+33639980104"', '"+3363998010"'),
    code: 'value/invalid-phone',
    file: ORG,
    line: '+3363998010"',
    message: /^\+336•+10 is not a valid phone number/,
  },
  {
    name: 'invalid URL',
    tree: () => withEdit(ORG, 'fallback: https://oncall-router-2.acme.example', 'fallback: https://'),
    code: 'schema/invalid-value',
    file: ORG,
    line: 'fallback: https://',
    column: 13,
    message: /`https:\/\/` is not an http\(s\) URL/,
  },
  {
    name: 'URL without a host',
    tree: () => withEdit(SF, 'runbook: https://wiki.acme.example/runbooks/storefront/5xx-rate', 'runbook: https://wiki/5xx'),
    code: 'value/invalid-url',
    file: SF,
    line: 'https://wiki/5xx',
    message: /has no valid host name/,
  },
  {
    name: 'time 25:00',
    tree: () => withEdit(ORG, 'from: "09:00", to: "18:00"', 'from: "25:00", to: "18:00"'),
    code: 'schema/invalid-value',
    file: ORG,
    line: '25:00',
    message: /`25:00` is not a time of day, HH:MM from 00:00 to 23:59/,
  },
  {
    name: 'handoff at 25:00',
    tree: () => withEdit(ORG, 'handoff: monday 09:00', 'handoff: monday 25:00'),
    code: 'schema/invalid-value',
    file: ORG,
    line: 'monday 25:00',
    message: /`monday 25:00` is not when shifts change hands/,
  },
  {
    name: 'malformed duration',
    tree: () => withEdit(SF, 'after: 20m', 'after: 20 minutes'),
    code: 'schema/invalid-value',
    file: SF,
    line: '20 minutes',
    message: /`20 minutes` is not a duration such as `30m`/,
  },
  {
    name: 'zero duration',
    tree: () => withEdit(ORG, 'responseTarget: 1h', 'responseTarget: 0m'),
    code: 'value/duration-not-positive',
    file: ORG,
    line: 'responseTarget: 0m',
    message: /`0m` must be longer than zero/,
  },
  {
    name: 'escalation steps out of order',
    tree: () => withEdit(SF, 'after: 40m', 'after: 15m'),
    code: 'escalation/step-order',
    file: SF,
    line: 'after: 15m',
    message: /step 3 is at 15m but step 2 is already at 20m/,
  },
  {
    name: 'impossible date',
    tree: () => withEdit(SF, 'from: 2026-08-03', 'from: 2026-02-30'),
    code: 'value/invalid-date',
    file: SF,
    line: '2026-02-30',
    message: /`2026-02-30` is not a calendar date/,
  },
  {
    name: 'rotation start not on the handoff day',
    tree: () => withEdit(SF, /start: 2026-01-05 .*/, 'start: 2026-01-06'),
    code: 'rotation/start-not-handoff-day',
    file: SF,
    line: 'start: 2026-01-06',
    message: /2026-01-06 is a Tuesday but handoffs are on Monday/,
  },
  {
    name: 'override ending before it starts',
    tree: () => withEdit(SF, 'end: 2026-12-26 09:00', 'end: 2026-12-23 09:00'),
    code: 'override/end-before-start',
    file: SF,
    line: 'end: 2026-12-23',
    message: /override ends \(2026-12-23 09:00\) before it starts \(2026-12-24 18:00\)/,
  },
  {
    name: 'missing runbook file',
    tree: () => withEdit(SF, 'runbook: runbooks/checkout.md', 'runbook: runbooks/chekout.md'),
    code: 'ref/missing-runbook',
    file: SF,
    line: 'runbooks/chekout.md',
    message: /runbook `runbooks\/chekout\.md` does not exist in the squad's folder; did you mean `runbooks\/checkout\.md`\?/,
  },
  {
    name: 'runbook outside the squad folder',
    tree: () => withEdit(SF, 'runbook: runbooks/checkout.md', 'runbook: ../payments/runbooks/queue-depth.md'),
    code: 'ref/runbook-outside',
    file: SF,
    line: '../payments',
    message: /must be a file inside the squad's folder/,
  },
  {
    name: 'field that does not apply to the kind',
    tree: () => withEdit(PAY, '    runbook: runbooks/queue-depth.md', '    runbook: runbooks/queue-depth.md\n    every: 1m'),
    code: 'alert/field-not-for-kind',
    file: PAY,
    line: '    every: 1m',
    column: 5,
    message: /`every` does not apply to kind `metric` \(only to `http-check`, `multistep-check`\)/,
  },
  {
    name: 'missing field required by the kind',
    tree: () => withEdit(PAY, '    thresholds: { critical: "> 5000", warning: "> 2000" }\n', ''),
    code: 'schema/missing-key',
    file: PAY,
    line: 'payments-queue-depth:',
    message: /missing `thresholds` in `payments-queue-depth` \(required for kind `metric`\)/,
  },
  {
    name: 'target with a typo in its key',
    tree: () => withEdit('platform/team.yaml', '{ rotation: secondary }', '{ rotaton: secondary }'),
    code: 'schema/unknown-key',
    file: 'platform/team.yaml',
    line: 'rotaton',
    message: /unknown key `rotaton` in `notify`; did you mean `rotation`\?/,
  },
  {
    name: '__proto__ as a key',
    tree: () => withEdit(SF, 'manager: manon\n', 'manager: manon\n__proto__: { polluted: true }\n'),
    code: 'schema/unknown-key',
    file: SF,
    line: '__proto__',
    column: 1,
    message: /unknown key `__proto__` at the top level/,
  },
  {
    name: '__proto__ as a person id',
    tree: () => withEdit(ORG, 'people:\n', 'people:\n  __proto__: { name: X, email: x@acme.example }\n'),
    code: 'schema/invalid-key',
    file: ORG,
    line: '__proto__',
    message: /`__proto__` in `people` is not an id: lowercase letters/,
  },
  {
    name: 'constructor as a person id',
    tree: () => withEdit(ORG, 'people:\n', 'people:\n  constructor: { name: X, email: x@acme.example }\n'),
    code: 'schema/invalid-key',
    file: ORG,
    line: 'constructor:',
    message: /`constructor` in `people` is reserved and cannot be used as an id/,
  },
  {
    name: 'alias bomb (billion laughs)',
    tree: () =>
      withFiles({
        [SF]: [
          'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
          ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
          'name: x',
        ].join('\n'),
      }),
    code: 'yaml/alias-limit',
    file: SF,
    line: 1,
    message: /aliases expand to too much data/,
  },
  {
    name: 'a file that is not YAML',
    tree: () => withFiles({ [SF]: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' }),
    code: 'file/not-text',
    file: SF,
    line: 0,
    message: /not a text file/,
  },
  {
    name: 'a file that is text, not a mapping',
    tree: () => withFiles({ [SF]: 'Just some notes about the storefront squad.\n' }),
    code: 'schema/wrong-type',
    file: SF,
    line: 1,
    column: 1,
    message: /must be a mapping \(key: value\), not `Just some notes/,
  },
  {
    name: 'an empty file',
    tree: () => withFiles({ [SF]: '# nothing yet\n' }),
    code: 'file/empty',
    file: SF,
    line: 1,
    message: /the file is empty/,
  },
  {
    name: 'missing organisation file',
    tree: () => withFiles({ [ORG]: undefined }),
    code: 'file/missing-org',
    file: ORG,
    line: 0,
    message: /missing organisation file/,
  },
  {
    name: 'squad folder without team.yaml (misnamed)',
    tree: () => {
      const base = withFiles({ 'storefront/team.yml': 'name: x\n' });
      return withFiles({ [SF]: undefined }, base);
    },
    code: 'file/missing-team',
    file: SF,
    line: 0,
    message: /has `team\.yml` but no team\.yaml; rename it/,
  },
  {
    name: 'routing with no catch-all rule',
    tree: () => withEdit(PAY, '  - rotation: oncall', '  - rotation: oncall\n    during: off-hours'),
    code: 'routing/no-catch-all',
    file: PAY,
    line: 'during: off-hours',
    message: /last routing rule must have no `during`/,
  },
  {
    name: 'follows with conflicting fields',
    tree: () => withEdit('platform/team.yaml', '    offset: 1', '    offset: 1\n    members: [emma]'),
    code: 'rotation/follows-conflict',
    file: 'platform/team.yaml',
    line: '    members: [emma]',
    column: 5,
    message: /`members` conflicts with `follows`/,
  },
  {
    name: 'phone line without a router',
    tree: () => withEdit(ORG, /phone:\n  router: .*\n  fallback: .*\n/, ''),
    code: 'phone/no-router',
    file: SF,
    line: 'phone:',
    message: /needs a `router` URL/,
  },
];

describe('bad input gives one positioned, actionable problem', () => {
  it.each(cases)('$name', (c) => {
    const errors = errorsOf(c.tree());
    const file = `teams/${c.file}`;
    const matching = errors.filter((p) => p.code === c.code && p.file === file);
    expect(matching, JSON.stringify(errors, null, 1)).toHaveLength(1);
    const problem = matching[0]!;
    expect(problem.message).toMatch(c.message);
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
    expect(errorsOf(tree).map((p) => p.code).sort()).toEqual(['ref/unknown-person', 'ref/unknown-rotation', 'value/invalid-zone']);
  });
});
