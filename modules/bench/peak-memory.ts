/** Child process: validate and plan the generated organisation once; prints the peak resident memory. */
import { analyse } from '../pipeline';
import { renderStack } from '../render/stack';
import { generateOrganisation } from './generate';

const squads = Number(process.argv[2] ?? 300);
const tree = generateOrganisation({ squads });
const { organisation } = analyse(tree, Date.parse('2026-11-22T12:00:00+01:00'));
const state = renderStack(organisation!, { now: Date.now(), name: 'bench', backend: 'pagerduty' });
process.stdout.write(
  `${JSON.stringify({ resources: state.resources.length, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
