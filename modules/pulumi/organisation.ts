/**
 * `OnCallOrganisation`: the whole of teams/ as one Pulumi component. It loads and checks the YAML with the
 * same pipeline as `oncall validate` (refusing to run on errors), renders the desired state of the chosen
 * backend and registers it, one `oncall:squad:Squad` per squad.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { COMPONENTS } from '../backends/components';
import { hasErrors } from '../core/problem';
import { formatProblemsText } from '../core/problems-text';

import { analyse } from '../pipeline';
import { BACKENDS, type Backend } from '../render/desired';
import { ORGANISATION } from '../render/alerts/status-page';
import { renderStack } from '../render/stack';
import { readTeamsDir, TeamsDirError } from '../spec/read-dir';
import { parseStackFile } from '../spec/stacks';
import { sourceTexts } from '../spec/source';
import type { DatadogConnection, OpsgenieConnection, PagerDutyConnection } from './overrides/connection';
import { connectionFromStack, OVERRIDE_TYPE } from './overrides/stack-connection';
import { registerDesiredState } from './register';
import { formerNames, scopedName } from './scoped-names';
import { Squad } from './squad';

export interface OnCallOrganisationArgs {
  /** Which paging backend provisions the schedules and escalations. */
  readonly backend: Backend;
  /** The teams directory (the folder of org.yaml). Required: the component provisions exactly what it holds. */
  readonly teamsDir: string;
  /**
   * The squads to provision (their folder names), so a large organisation can run one stack per group.
   * @default - every squad
   */
  readonly squads?: readonly string[];
  /**
   * PagerDuty account subdomain, for e-mail integration addresses.
   * @default - the organisation's name, lowercased
   */
  readonly pagerdutySubdomain?: string;
  /**
   * Opsgenie instance, for Datadog's Opsgenie integration.
   * @default 'us'
   */
  readonly opsgenieRegion?: 'us' | 'eu';
  /**
   * Site and credentials of the override resources (stored as a secret input).
   * @default - the stack configuration of the backend's provider (`pagerduty:token`, `opsgenie:apiKey` and
   * `opsgenie:apiUrl`, `datadog:apiKey`, `datadog:appKey` and `datadog:apiUrl`…), then its environment variables
   */
  readonly connection?: pulumi.Input<PagerDutyConnection | OpsgenieConnection | DatadogConnection>;
}

export class OnCallOrganisation extends pulumi.ComponentResource {
  static readonly __pulumiType = COMPONENTS.organisation;
  /** The squads provisioned, by id. */
  readonly squads: Readonly<Record<string, Squad>>;
  /** Every resource registered, by name. */
  readonly resources: ReadonlyMap<string, pulumi.CustomResource>;
  readonly resourceCount: number;

  constructor(name: string, args: OnCallOrganisationArgs, opts?: pulumi.ComponentResourceOptions) {
    // The stack setting arrives as any string (`oncall:backend: pagerdty`): refuse it rather than render a subset.
    // A user's mistake is a RunError: Pulumi prints its message alone, without the program's stack trace.
    if (!(BACKENDS as readonly string[]).includes(args.backend)) {
      throw new pulumi.RunError(`\`backend\` (\`oncall:backend\`) must be one of ${BACKENDS.join(', ')}, not \`${String(args.backend)}\``);
    }
    if (typeof args.teamsDir !== 'string' || args.teamsDir === '') {
      throw new pulumi.RunError('`teamsDir` is required: the folder of org.yaml and the squads to provision');
    }
    const dir = args.teamsDir;
    const tree = teamsTree(dir);
    const now = Date.now();
    // Checked as `oncall validate` checks the stack: what this backend cannot express stops the program too.
    const stack = stackToCheck(dir, pulumi.getStack(), args);
    const { organisation, problems } = analyse(tree, now, { stacks: stack.stack ? [stack.stack] : [], problems: stack.problems });
    if (hasErrors(problems) || !organisation) {
      throw new pulumi.RunError(`the organisation in ${dir} is not valid:\n${formatProblemsText(problems, sourceTexts(tree))}`);
    }
    const unknown = (args.squads ?? []).filter((s) => !organisation.squads.has(s));
    if (unknown.length > 0) throw new pulumi.RunError(`\`squads\` names unknown squads: ${unknown.join(', ')}`);
    // Registered only once everything is checked: a refusal leaves no half-made component behind.
    super(OnCallOrganisation.__pulumiType, name, {}, opts);
    const state = renderStack(organisation, {
      now,
      name: pulumi.getStack(),
      backend: args.backend,
      teams: args.squads,
      pagerdutySubdomain: args.pagerdutySubdomain,
      opsgenieRegion: args.opsgenieRegion,
    });
    const squads: Record<string, Squad> = {};
    // Names are scoped by this component's name: two organisations can live in one program (scoped-names.ts).
    for (const r of state.resources) {
      if (r.squad !== ORGANISATION) {
        squads[r.squad] ??= new Squad(scopedName(name, r.squad), {
          parent: this,
          aliases: formerNames(name, r.squad).map((former) => ({ name: former })),
        });
      }
    }
    // What belongs to no squad (the status page) hangs from the organisation itself.
    const connection = args.connection ?? connectionFromStack(args.backend);
    const extra = connection === undefined ? {} : { [OVERRIDE_TYPE[args.backend]]: { connection: pulumi.secret(connection) } };
    const registered = registerDesiredState(state, (squad) => (squad === ORGANISATION ? this : (squads[squad] as Squad)), extra, {
      name: (resource) => scopedName(name, resource),
      formerNames: (resource) => formerNames(name, resource),
    });
    for (const squad of Object.values(squads)) squad.finish();
    this.squads = squads;
    this.resources = registered;
    this.resourceCount = registered.size;
    this.registerOutputs({ squads: Object.keys(squads), resourceCount: registered.size });
  }
}

function teamsTree(dir: string): ReturnType<typeof readTeamsDir> {
  try {
    return readTeamsDir(dir);
  } catch (err) {
    if (err instanceof TeamsDirError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

/**
 * The stack file `oncall validate` reads (stacks/ beside the teams directory) when it holds these settings, so
 * that both check the same file, with the same positions; otherwise the settings given, as a stack file.
 */
function stackToCheck(dir: string, name: string, args: OnCallOrganisationArgs): ReturnType<typeof parseStackFile> {
  const file = join(dir, '..', 'stacks', `Pulumi.${name}.yaml`);
  if (existsSync(file)) {
    const real = parseStackFile(file, name, readFileSync(file, 'utf8'));
    const same =
      real.stack && real.stack.backend === args.backend && JSON.stringify(real.stack.teams ?? null) === JSON.stringify(args.squads ?? null);
    if (same || !real.stack) return real;
  }
  return parseStackFile(`Pulumi.${name}.yaml`, name, stackSettingsYaml(args));
}

/** The `oncall:` settings of the component's arguments, as a stack file would hold them. */
function stackSettingsYaml(args: OnCallOrganisationArgs): string {
  const lines = ['config:', `  oncall:backend: ${JSON.stringify(args.backend)}`];
  if (args.squads) lines.push(`  oncall:teams: ${JSON.stringify(args.squads)}`);
  if (args.pagerdutySubdomain) lines.push(`  oncall:pagerdutySubdomain: ${JSON.stringify(args.pagerdutySubdomain)}`);
  // Warnings (such as a stack naming no Datadog site) do not stop the program; errors do.
  return `${lines.join('\n')}\n`;
}
