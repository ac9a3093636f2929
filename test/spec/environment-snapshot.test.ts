import { describe, expect, it } from 'vitest';
import { withEnvironmentSnapshot } from '../../modules/spec/environment-snapshot';

describe('withEnvironmentSnapshot', () => {
  it('gives the same values inside and restores the real environment after', () => {
    const real = process.env;
    process.env.ONCALL_SNAPSHOT_TEST = 'yes';
    try {
      const seen = withEnvironmentSnapshot(() => {
        expect(process.env).not.toBe(real);
        return process.env.ONCALL_SNAPSHOT_TEST;
      });
      expect(seen).toBe('yes');
      expect(process.env).toBe(real);
    } finally {
      delete process.env.ONCALL_SNAPSHOT_TEST;
    }
  });

  it('restores the real environment when the function throws', () => {
    const real = process.env;
    expect(() =>
      withEnvironmentSnapshot(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env).toBe(real);
  });

  it('nested calls share one snapshot', () => {
    const real = process.env;
    withEnvironmentSnapshot(() => {
      const outer = process.env;
      withEnvironmentSnapshot(() => expect(process.env).toBe(outer));
      expect(process.env).toBe(outer);
    });
    expect(process.env).toBe(real);
  });
});
