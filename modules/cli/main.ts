import { processIo, type Io } from './io';
import { closestMatch } from '../core/suggest';
import { UsageError, EXIT_OK, EXIT_USAGE } from './usage-error';
import { packageVersion } from './version';

interface Command {
  readonly run: (argv: string[], io: Io) => Promise<number>;
  readonly usage: string;
}

/**
 * Each command is loaded when it runs, with what it needs (renderers, Twilio, HTTP…): a command starts
 * without loading the others.
 */
const commands: Record<string, { readonly summary: string; readonly load: () => Promise<Command> }> = {
  validate: {
    summary: 'check the YAML definitions of the organisation',
    load: async () => {
      const m = await import('./commands/validate.js');
      return { run: m.validateCommand, usage: m.validateUsage };
    },
  },
  check: {
    summary: 'review a pull request in one run: validate, readiness and every plan against --base',
    load: async () => {
      const m = await import('./commands/check.js');
      return { run: m.checkCommand, usage: m.checkUsage };
    },
  },
  who: {
    summary: 'who is on call now, or at an instant',
    load: async () => {
      const m = await import('./commands/who.js');
      return { run: m.whoCommand, usage: m.whoUsage };
    },
  },
  roster: {
    summary: 'the planning: every shift of the coming weeks',
    load: async () => {
      const m = await import('./commands/roster.js');
      return { run: m.rosterCommand, usage: m.rosterUsage };
    },
  },
  calendar: {
    summary: 'write iCalendar files: everybody, per squad, per person',
    load: async () => {
      const m = await import('./commands/calendar.js');
      return { run: m.calendarCommand, usage: m.calendarUsage };
    },
  },
  report: {
    summary: 'on-call compensation of a month per person; incidents: response times and load from the history',
    load: async () => {
      const m = await import('./commands/report.js');
      return { run: m.reportCommand, usage: m.reportUsage };
    },
  },
  plan: {
    summary: 'the desired state of a stack, offline',
    load: async () => {
      const m = await import('./commands/plan.js');
      return { run: m.planCommand, usage: m.planUsage };
    },
  },
  readiness: {
    summary: 'production readiness of the alerts (of a pull request with --base)',
    load: async () => {
      const m = await import('./commands/readiness.js');
      return { run: m.readinessCommand, usage: m.readinessUsage };
    },
  },
  catalog: {
    summary: 'write the alert catalog: a page per squad and an index',
    load: async () => {
      const m = await import('./commands/catalog.js');
      return { run: m.catalogCommand, usage: m.catalogUsage };
    },
  },
  router: {
    summary: 'the on-call phone line: Twilio webhooks that ring whoever is on call',
    load: async () => {
      const m = await import('./commands/router.js');
      return { run: m.routerCommand, usage: m.routerUsage };
    },
  },
  audit: {
    summary: 'coverage audit per squad (text, json, markdown, html)',
    load: async () => {
      const m = await import('./commands/audit.js');
      return { run: m.auditCommand, usage: m.auditUsage };
    },
  },
  stacks: {
    summary: 'the stacks and their squads: shards for a CI matrix',
    load: async () => {
      const m = await import('./commands/stacks.js');
      return { run: m.stacksCommand, usage: m.stacksUsage };
    },
  },
  doctor: {
    summary: 'read-only check of the live accounts a stack needs before its first `pulumi up`',
    load: async () => {
      const m = await import('./commands/doctor.js');
      return { run: m.doctorCommand, usage: m.doctorUsage };
    },
  },
  import: {
    summary: 'write teams/ from an existing account (PagerDuty, Opsgenie, Datadog On-Call), with a report',
    load: async () => {
      const m = await import('./commands/import.js');
      return { run: m.importCommand, usage: m.importUsage() };
    },
  },
  init: {
    summary: 'start an on-call repository: org.yaml, a squad, a stack per backend, the workflows',
    load: async () => {
      const m = await import('./commands/init.js');
      return { run: m.initCommand, usage: m.initUsage };
    },
  },
  migrate: {
    summary: 'rehearse a cutover: who the source, the YAML and the target stack page, minute by minute',
    load: async () => {
      const m = await import('./commands/migrate.js');
      return { run: m.migrateCommand, usage: m.migrateUsage };
    },
  },
  demo: {
    summary: 'validate and summarise the organisation (what `npm start` runs)',
    load: async () => {
      const m = await import('./commands/demo.js');
      return { run: m.demoCommand, usage: m.demoUsage };
    },
  },
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
    'Run `oncall <command> --help` for the options of a command, `oncall --version` for the version.',
  ].join('\n');
}

/** Runs the CLI and returns the exit code. Never throws for a user's mistake. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`oncall ${packageVersion()}`);
    return EXIT_OK;
  }
  const entry = commands[name];
  if (!entry) {
    const match = closestMatch(name.replace(/^-+/, ''), Object.keys(commands));
    io.err(`oncall: unknown command \`${name}\`${match === undefined ? '' : `; did you mean \`${match}\`?`}\n\n${help()}`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
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
