import { describe, expect, it } from 'vitest';
import { instantOf, localDateMinute } from '../../modules/core/local-time';
import { parseIsoInstant, parseIsoInstantWithNote } from '../../modules/cli/time-options';
import { runCli } from '../helpers';

const PARIS = 'Europe/Paris';

describe('instants of command options', () => {
  it('reads a local time skipped by the spring change as the moment the clocks jump, as the engine does', () => {
    // 2026-03-29 in Paris: 02:00 becomes 03:00, so 02:30 does not exist.
    const parsed = parseIsoInstantWithNote('2026-03-29T02:30', PARIS);
    expect(parsed?.instant).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(parsed?.instant).toBe(instantOf(PARIS, localDateMinute('2026-03-29') + 150));
    expect(parsed?.note).toBe('2026-03-29T02:30 does not exist in Europe/Paris (clocks change then); it is read as 2026-03-29 03:00');
  });

  it('reads existing local times, the autumn repeat (its first occurrence) and explicit offsets unchanged', () => {
    expect(parseIsoInstantWithNote('2026-03-29T03:30', PARIS)).toEqual({ instant: Date.parse('2026-03-29T01:30:00Z') });
    expect(parseIsoInstant('2026-10-25T02:30', PARIS)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(parseIsoInstant('2026-03-29 01:59:30', PARIS)).toBe(Date.parse('2026-03-29T00:59:30Z'));
    expect(parseIsoInstantWithNote('2026-03-29T02:30+01:00', PARIS)).toEqual({ instant: Date.parse('2026-03-29T01:30:00Z') });
    expect(parseIsoInstant('2026-03-29T02:30Z', PARIS)).toBe(Date.parse('2026-03-29T02:30:00Z'));
    expect(parseIsoInstant('2026-03-29', PARIS)).toBe(Date.parse('2026-03-28T23:00:00Z'));
    expect(parseIsoInstant('2026-03-32T02:30', PARIS)).toBeUndefined();
    expect(parseIsoInstant('yesterday', PARIS)).toBeUndefined();
  });

  it('`who --at` a skipped time answers for 03:00 (+02:00) and says the time does not exist', async () => {
    const skipped = await runCli(['who', '--at', '2026-03-29T02:30']);
    const jump = await runCli(['who', '--at', '2026-03-29T03:00+02:00']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^On call at 2026-03-29 03:00 Europe\/Paris:/);
    expect(skipped.stdout).toBe(jump.stdout);
    expect(skipped.stderr).toBe(
      '--at: 2026-03-29T02:30 does not exist in Europe/Paris (clocks change then); it is read as 2026-03-29 03:00\n',
    );
    expect(jump.stderr).toBe('');
  });
});
