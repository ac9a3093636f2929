/**
 * Child process: registers the first N resources of the plan with the Pulumi SDK under mocks, as the program
 * would, and prints the time per resource.
 */
import * as pulumi from '@pulumi/pulumi';
import { COMPONENTS } from '../backends/components';
import { analyse } from '../pipeline';
import { renderStack } from '../render/stack';
import type { DesiredState } from '../render/desired';
import { generateOrganisation } from './generate';
import { registerDesiredState } from '../pulumi/register';

async function main(): Promise<void> {
  const squads = Number(process.argv[2] ?? 300);
  const count = Number(process.argv[3] ?? 300);
  await pulumi.runtime.setMocks(
    { newResource: (a) => ({ id: `${a.name}_id`, state: a.inputs }), call: (a) => ({ id: `id-${JSON.stringify(a.inputs)}` }) },
    'bench',
    'bench',
    false,
  );
  const tree = generateOrganisation({ squads });
  const { organisation } = analyse(tree, Date.parse('2026-11-22T12:00:00+01:00'));
  const full = renderStack(organisation!, { now: Date.now(), name: 'bench', backend: 'pagerduty' });
  // A self-contained subset: whole squads, in order, until `count` resources.
  const subset: DesiredState = { ...full, resources: [] };
  for (const squad of [...new Set(full.resources.map((r) => r.squad))]) {
    if (subset.resources.length >= count) break;
    (subset.resources as unknown[]).push(...full.resources.filter((r) => r.squad === squad));
  }
  const root = new pulumi.ComponentResource(COMPONENTS.benchRoot, 'root');
  const start = process.hrtime.bigint();
  const registered = registerDesiredState(subset, () => root);
  await Promise.all([...registered.values()].map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(
    `${JSON.stringify({ resources: registered.size, msPerResource: ms / registered.size, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
}

if (require.main === module) void main();
