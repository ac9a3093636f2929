// Lint: typescript-eslint's recommended rules, plus the layer rule of the README's Layout: data flows one way,
// spec -> model -> schedule -> checks/render/backends -> pulumi/cli/router, and the pure layers never import
// Pulumi, the CLI, the router or HTTP.
import tseslint from 'typescript-eslint';

const PURE = ['core', 'spec', 'model', 'schedule', 'checks', 'render', 'backends', 'interpret'];
// interpret: the backends' paging semantics read from rendered or observed inputs; migrate: import and cutover
// rehearsal (reads accounts over HTTP with fetch); reports: operations reports from the backends' histories.
const ORDER = [
  'core',
  'spec',
  'model',
  'schedule',
  'checks',
  'render',
  'backends',
  'interpret',
  'pulumi',
  'policy',
  'migrate',
  'reports',
  'router',
  'cli',
];
// Readiness checks, shared rendering and the backends read one another (a check asks what a backend refuses;
// the stack renders through each backend; the diff reads the backends' descriptors): one layer in three parts.
const PEERS = ['checks', 'render', 'backends'];
const forbiddenEverywherePure = [
  { group: ['@pulumi/*', '@pulumi/**'], message: 'pure layers do not import Pulumi: put it in modules/pulumi/' },
  { group: ['**/cli/**', '**/cli'], message: 'pure layers do not import the CLI' },
  { group: ['**/router/**', '**/router'], message: 'pure layers do not import the router' },
  { group: ['**/pulumi/**', '**/pulumi'], message: 'pure layers do not import the Pulumi layer' },
];
const httpModules = ['node:http', 'node:https', 'http', 'https', 'node:net', 'twilio'].map((name) => ({
  name,
  message: 'pure layers do not do HTTP: put it in modules/router/ or modules/pulumi/',
}));

/** Each layer may import only the layers before it (and itself). */
function layerRule(layer) {
  const later = ORDER.slice(ORDER.indexOf(layer) + 1).filter((l) => !PEERS.includes(layer) || !PEERS.includes(l));
  const patterns = later.map((l) => ({
    group: [`../${l}/**`, `../${l}`, `../../${l}/**`, `../../${l}`],
    message: `\`${layer}\` comes before \`${l}\`: data flows one way (README, Layout)`,
  }));
  if (PURE.includes(layer)) patterns.push(...forbiddenEverywherePure);
  // The interpreters are the engine's oracles (fidelity tests, rehearsal): they never read the schedule engine.
  if (layer === 'interpret')
    patterns.push({ group: ['../schedule/**', '../schedule'], message: 'the interpreters share nothing with the schedule engine' });
  return {
    files: [`modules/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: PURE.includes(layer) ? httpModules : [], patterns }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'modules/spec/validators.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...ORDER.map(layerRule),
  {
    // Tests read JSON output whose shape they assert.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['bin/**/*.js', 'policy/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
