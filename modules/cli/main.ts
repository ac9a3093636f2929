import { processIo, type Io } from './io';
import { UsageError, EXIT_OK, EXIT_USAGE } from './usage-error';
import { validateCommand, validateUsage } from './commands/validate';
import { demoCommand, demoUsage } from './commands/demo';
import { whoCommand, whoUsage } from './commands/who';
import { rosterCommand, rosterUsage } from './commands/roster';
import { calendarCommand, calendarUsage } from './commands/calendar';
import { reportCommand, reportUsage } from './commands/report';
import { planCommand, planUsage } from './commands/plan';
import { readinessCommand, readinessUsage } from './commands/readiness';
import { catalogCommand, catalogUsage } from './commands/catalog';
import { routerCommand, routerUsage } from './commands/router';
import { auditCommand, auditUsage } from './commands/audit';
import { stacksCommand, stacksUsage } from './commands/stacks';
import { doctorCommand, doctorUsage } from './commands/doctor';

interface Command {
  readonly run: (argv: string[], io: Io) => Promise<number>;
  readonly usage: string;
  readonly summary: string;
}

const commands: Record<string, Command> = {
  validate: { run: validateCommand, usage: validateUsage, summary: 'check the YAML definitions of the organisation' },
  who: { run: whoCommand, usage: whoUsage, summary: 'who is on call now, or at an instant' },
  roster: { run: rosterCommand, usage: rosterUsage, summary: 'the planning: every shift of the coming weeks' },
  calendar: { run: calendarCommand, usage: calendarUsage, summary: 'write iCalendar files: everybody, per squad, per person' },
  report: { run: reportCommand, usage: reportUsage, summary: 'on-call compensation of a month, per person' },
  plan: { run: planCommand, usage: planUsage, summary: 'the desired state of a stack, offline' },
  readiness: { run: readinessCommand, usage: readinessUsage, summary: 'production readiness of the alerts (of a pull request with --base)' },
  catalog: { run: catalogCommand, usage: catalogUsage, summary: 'write the alert catalog: a page per squad and an index' },
  router: { run: routerCommand, usage: routerUsage, summary: 'the on-call phone line: Twilio webhooks that ring whoever is on call' },
  audit: { run: auditCommand, usage: auditUsage, summary: 'coverage audit per squad (text, json, markdown, html)' },
  stacks: { run: stacksCommand, usage: stacksUsage, summary: 'the stacks and their squads: shards for a CI matrix' },
  doctor: { run: doctorCommand, usage: doctorUsage, summary: 'read-only check of the live accounts a stack needs before its first `pulumi up`' },
  demo: { run: demoCommand, usage: demoUsage, summary: 'validate and summarise the organisation (what `npm start` runs)' },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'oncall: on-call as code — squads, rotations, escalations and alerts in YAML',
    '',
    'Usage: oncall <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `oncall <command> --help` for the options of a command.',
  ].join('\n');
}

/** Runs the CLI and returns the exit code. Never throws for a user's mistake. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands[name];
  if (!command) {
    io.err(`oncall: unknown command \`${name}\`\n\n${help()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT_OK;
  }
  try {
    io.now(); // a malformed ONCALL_NOW is reported before any work, for every command
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`oncall ${name}: ${err.message}\n\nUsage: ${command.usage}`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
