/** Routing to another squad's rotation (a pool), and what a squad without rotations of its own may say. */
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../modules/model/load';
import { withEdit, withFiles } from '../helpers';
import { poolTree } from './pool-fixture';

const A = 'contract-a/team.yaml';
const B = 'contract-b/team.yaml';
const load = (tree = poolTree()) => loadOrganisation(tree);
const problems = (tree = poolTree()) => load(tree).problems.map((p) => [p.file, p.line, p.severity, p.code, p.message, p.suggestion]);

describe('routing to a pool', () => {
  it("a rule names another squad's rotation: `on-call` means it, in its zone", () => {
    const org = load().organisation!;
    const a = org.squads.get('contract-a')!;
    expect(a.rotations.size).toBe(0);
    expect(a.routing.map((r) => [r.rotation, r.escalation, r.timezone])).toEqual([['technicians/primary', 'gti-1h', 'Europe/Paris']]);
    const zoned = load(
      withEdit('technicians/team.yaml', 'start: 2026-01-05\n', 'start: 2026-01-05\n    timezone: America/Montreal\n', poolTree()),
    );
    expect(zoned.organisation!.squads.get('contract-a')!.routing[0]?.timezone).toBe('America/Montreal');
  });

  it('without routing and rotations, a squad routes to the first rotation its only policy names', () => {
    const b = load().organisation!.squads.get('contract-b')!;
    expect(b.routing.map((r) => [r.rotation, r.escalation, r.during.kind])).toEqual([['technicians/primary', 'gti-4h', 'always']]);
  });

  it('an unknown squad or rotation in routing is an error at the rule, with the closest name', () => {
    const tree = withEdit(A, 'rotation: technicians/primary', 'rotation: technicans/primary', poolTree());
    expect(problems(tree)).toContainEqual([
      'teams/contract-a/team.yaml',
      19,
      'error',
      'ref/unknown-team',
      'unknown squad `technicans` in `technicans/primary`',
      'did you mean `technicians`?',
    ]);
    const rotation = withEdit(A, 'rotation: technicians/primary', 'rotation: technicians/primery', poolTree());
    expect(problems(rotation)).toContainEqual([
      'teams/contract-a/team.yaml',
      19,
      'error',
      'ref/unknown-rotation',
      'unknown rotation `primery` of squad `technicians` in routing',
      'did you mean `primary`?',
    ]);
  });

  it('`on-call` in a squad with no rotation and no routing is an error saying how to name a pool', () => {
    const tree = withEdit(A, /routing:\n  - rotation: technicians\/primary\n/, '', poolTree());
    expect(problems(tree)).toContainEqual([
      'teams/contract-a/team.yaml',
      12,
      'error',
      'ref/no-rotation',
      '`on-call` needs a rotation: this squad has none',
      "add a rotation, or `routing` naming another squad's rotation (`- rotation: pool/oncall`)",
    ]);
  });

  it('a squad with a policy, no rotation and no routing whose policy names none is an error, not a squad paging nobody', () => {
    const tree = withFiles(
      {
        [B]: poolTree()
          .files.get(B)!
          .replace(/\{ rotation: technicians\/primary \}/g, '{ person: tom }'),
      },
      poolTree(),
    );
    expect(problems(tree).filter((p) => p[2] === 'error')).toEqual([
      [
        'teams/contract-b/team.yaml',
        8, // the policy's key
        'error',
        'routing/no-rotation',
        'squad `contract-b` has no rotation and policy `gti-4h` names none: its alerts would page nobody',
        "add a rotation, or `routing` naming another squad's rotation (`- rotation: pool/oncall`)",
      ],
    ]);
  });

  it('a squad routing to a pool may have a phone line: it rings the pool', () => {
    const tree = withEdit(
      A,
      'intake:',
      'phone:\n  number: "+33199000301"\n  router: https://router-1.pool.example\n  fallback: https://router-2.pool.example\n\nintake:',
      poolTree(),
    );
    const result = load(tree);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.organisation!.squads.get('contract-a')!.phone?.number).toBe('+33199000301');
  });
});
