import { defineConfig } from 'vitest/config';

/**
 * Test files that change process-wide state (Pulumi's runtime and mocks, process.env, a mocked node:fs) get a
 * fresh module registry each; the others share one per worker, so that the modules under test are loaded once
 * per worker instead of once per file. The router's tests share it too: each closes the servers and workers it
 * starts.
 */
const ISOLATED = [
  'test/pulumi/**/*.test.ts',
  'test/policy/**/*.test.ts',
  'test/bench/**/*.test.ts',
  'test/cli/atomic-output.test.ts',
  'test/cli/doctor.test.ts',
  'test/spec/environment-snapshot.test.ts',
];

export default defineConfig({
  test: {
    // vitest's default leaves a core to its main process, which mostly waits: on 2 cores that is 1 worker.
    maxWorkers: 2,
    projects: [
      { test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false, testTimeout: 30000 } },
      { test: { name: 'isolated', include: ISOLATED, testTimeout: 30000 } },
    ],
  },
});
