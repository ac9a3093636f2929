/**
 * The signing example (French public holidays as off hours, routing by business hours, two squads sharing nothing)
 * over 52 weeks: its three stacks and the engine page alike for every squad and service at every minute
 * (./whole-rehearsal.ts).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { ROOT } from '../helpers';
import { expectNoMismatch } from './whole-rehearsal';

it('signing over 52 weeks on every backend gives 0 mismatching minutes', () => expectNoMismatch(join(ROOT, 'examples', 'signing')), 60_000);

it('every example is rehearsed here or in ./examples-rehearsal.test.ts', () => {
  const names = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  expect(names.sort()).toEqual(['bookshop', 'managed-services', 'signing', 'sre-team']);
});
