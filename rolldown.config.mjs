// The `oncall` command as users start it: the compiled CLI and the libraries it reads YAML with, bundled into a few
// files (one per command, loaded when it runs), so a start resolves and reads a handful of files instead of ~250.
// The library itself is dist/modules (tsc); Twilio stays a package of its own, loaded by the router only, and so does
// date-holidays (megabytes of every country's rules), loaded when org.yaml names a country.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'dist/modules/cli/main.js',
  platform: 'node',
  external: [/^twilio(\/|$)/, /^@pulumi\//, /^date-holidays(\/|$)/],
  output: { dir: 'dist/cli', format: 'cjs', cleanDir: true, chunkFileNames: '[name].js', sourcemap: false },
  logLevel: 'warn',
});
