#!/usr/bin/env node
'use strict';
// Runs the CLI as `npm run build` bundles it (dist/cli): no type-checking or transpiling at run time.
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`oncall: internal error: ${(err && err.stack) || err}\n`);
      process.exitCode = 70;
    },
  );
