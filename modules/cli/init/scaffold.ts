/**
 * What `oncall init` writes: an organisation a newcomer edits rather than writes — org.yaml with two people, one
 * squad with a weekly rotation starting this week, an escalation policy, a service and one alert with its
 * runbook, and a stack file per chosen backend. Pure: files by path, relative to the project's root.
 */
import type { Backend } from '../../render/desired';

export interface ScaffoldOptions {
  readonly organisation: string;
  readonly squad: string;
  readonly backends: readonly Backend[];
  /** ISO date of the Monday the rotation starts. */
  readonly start: string;
  /** Path from teams/ to the folder of the JSON schemas, for the editors' `$schema` line. */
  readonly schemas: string;
}

const STACK_SETTINGS: Record<Backend, (slug: string) => string[]> = {
  pagerduty: (slug) => [
    '# Credentials: `pulumi config set --secret pagerduty:token …` or PAGERDUTY_TOKEN; never in teams/.',
    'config:',
    '  oncall:backend: pagerduty',
    `  oncall:pagerdutySubdomain: ${slug}     # <subdomain>.pagerduty.com, for e-mail intake addresses`,
    '  datadog:apiUrl: https://api.datadoghq.eu/   # your Datadog site (monitors, checks, status page)',
  ],
  opsgenie: () => [
    '# Credentials: `pulumi config set --secret opsgenie:apiKey …` or OPSGENIE_API_KEY; never in teams/.',
    '# Opsgenie reaches its end of support on 2027-04-05: plan the move with a second stack on another backend.',
    'config:',
    '  oncall:backend: opsgenie',
    '  opsgenie:apiUrl: api.eu.opsgenie.com       # or api.opsgenie.com',
    '  datadog:apiUrl: https://api.datadoghq.eu/',
  ],
  datadog: () => [
    '# Credentials: DD_API_KEY and DD_APP_KEY, or `pulumi config set --secret datadog:apiKey …`; never in teams/.',
    'config:',
    '  oncall:backend: datadog',
    '  datadog:apiUrl: https://api.datadoghq.eu/',
  ],
};

/** A lower-case id made of the name's letters and digits (`Librairie du Quai` → `librairie-du-quai`). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'acme' : slug;
}

/**
 * The Pulumi project of a repository that installs this package (the template repository has its own): the
 * program registers the organisation of teams/ on the stack's backend, as the template's program does.
 */
export function pulumiProject(slug: string): Map<string, string> {
  return new Map([
    [
      'Pulumi.yaml',
      `name: ${slug}-oncall
description: On-call as code — squads, rotations, escalations and alerts provisioned from teams/
runtime:
  name: nodejs
main: program.js
stackConfigDir: stacks
`,
    ],
    [
      'program.js',
      `// The on-call of teams/, on the backend the stack names (stacks/Pulumi.<stack>.yaml, \`oncall:backend\`).
const { join } = require('node:path');
const pulumi = require('@pulumi/pulumi');
const { OnCallOrganisation } = require('oncall-as-code');

const config = new pulumi.Config('oncall');
const organisation = new OnCallOrganisation('organisation', {
  backend: config.require('backend'),
  teamsDir: join(__dirname, 'teams'),
  squads: config.getObject('teams'),
  pagerdutySubdomain: config.get('pagerdutySubdomain'),
  opsgenieRegion: /(^|\\.)eu\\./.test(new pulumi.Config('opsgenie').get('apiUrl') ?? '') ? 'eu' : 'us',
});
exports.resources = organisation.resourceCount;
`,
    ],
  ]);
}

export function scaffold(o: ScaffoldOptions): Map<string, string> {
  const slug = slugOf(o.organisation);
  const files = new Map<string, string>();
  files.set(
    'teams/org.yaml',
    `# yaml-language-server: $schema=${o.schemas}/org.schema.json
# The organisation: who exists and the defaults every squad inherits. Written by \`oncall init\`: edit it.
name: ${JSON.stringify(o.organisation)}

defaults:
  timezone: Europe/Paris
  every: 1w                  # one week on call each…
  handoff: monday 09:00      # …handed over on Mondays at 09:00
  responseTarget: 1h
  businessHours: { days: monday-friday, from: "09:00", to: "18:00" }

# Everyone who can be on call or notified. Phone numbers (E.164) are optional and stay out of every output.
people:
  alice: { name: Alice Example, email: alice@example.com }
  bob: { name: Bob Example, email: bob@example.com }
  carol: { name: Carol Example, email: carol@example.com }

readiness:
  runbookSections: [Trigger, Resolution, Expected time]
  pagingSeverities: [P1, P2]

statusPage:
  name: ${JSON.stringify(`${o.organisation} status`)}
  domainPrefix: ${slug}
`,
  );
  files.set(
    `teams/${o.squad}/team.yaml`,
    `# yaml-language-server: $schema=../${o.schemas}/team.schema.json
# One squad: its people, who is on call when, whom an alert pages and after how long, what it runs and watches.
name: ${JSON.stringify(o.squad)}
manager: carol
members: [alice, bob]

rotations:
  oncall:
    name: On call
    members: [alice, bob]    # the order of turns
    start: ${o.start}        # alice's first week

escalations:
  standard:
    name: Standard
    steps:
      - notify: on-call
      - after: 15m
        notify: on-call      # ring again
      - after: 30m
        notify: manager      # carol

services:
  website:
    name: Website

alerts:
  website-up:
    title: The website answers
    kind: http-check
    severity: P1
    request: { url: "https://www.example.com/" }
    expect: { status: 200 }
    every: 1m
    locations: [aws:eu-west-3]
    runbook: runbooks/website-up.md
`,
  );
  files.set(
    `teams/${o.squad}/runbooks/website-up.md`,
    `# The website answers

## Trigger
The check gets no 200 from https://www.example.com/ for two runs in a row.

## Resolution
1. Open the site from outside the office network.
2. Look at the last deployment and the load balancer's health checks.
3. Roll back when the last deployment is younger than the first failure.

## Expected time
15 minutes.
`,
  );
  for (const backend of o.backends) {
    files.set(`stacks/Pulumi.${slug}-${backend}.yaml`, `${STACK_SETTINGS[backend](slug).join('\n')}\n`);
  }
  return files;
}
