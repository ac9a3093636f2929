/**
 * The example organisations (but signing: ./signing-rehearsal.test.ts) and the tests' own (test/fixtures/acme) over
 * 52 weeks: the three backends' stacks, each read by its interpreter (modules/interpret, which reads rendered inputs
 * only), and the engine give the same escalation timeline (who at M+0, M+delay…, repeats included) for an alert of every
 * squad and every service raised at every minute.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { FIXTURE_REPO, ROOT } from '../helpers';
import { expectNoMismatch } from './whole-rehearsal';

describe.each([
  ['bookshop', join(ROOT, 'examples', 'bookshop')],
  ['managed-services', join(ROOT, 'examples', 'managed-services')],
  ['sre-team', join(ROOT, 'examples', 'sre-team')],
  ['acme', FIXTURE_REPO],
])('%s over 52 weeks on every backend', (_, repo) => {
  it('gives 0 mismatching minutes', () => expectNoMismatch(repo), 60_000);
});
