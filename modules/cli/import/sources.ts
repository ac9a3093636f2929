/**
 * What `oncall import <source>` reads: one entry per source. Each account adapter (modules/migrate/adapters.ts) is
 * a source; other importers add themselves to IMPORT_SOURCES with one line (and the import of their command).
 *
 * Imported statically: main.ts already loads this table only for `oncall import`, and a dynamic import from here
 * makes the CLI bundle (rolldown) share this chunk with the one it loads, whose entry it then fails to find.
 */
import type { AccountAdapter } from '../../migrate/account';
import { ADAPTERS } from '../../migrate/adapters';
import { BACKEND_NAMES } from '../../migrate/import-report';
import { importAccountCommand, importAccountUsage } from '../commands/import-account';
import { importMonitorsCommand, importMonitorsUsage } from '../commands/import-monitors';
import type { Io } from '../io';

export interface ImportSource {
  /** The word after `oncall import`. */
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<{ readonly run: (argv: string[], io: Io) => Promise<number>; readonly usage: string }>;
}

/** An account adapter as a source: the shared import of modules/cli/commands/import-account.ts. */
export function accountSource(adapter: AccountAdapter): ImportSource {
  return {
    name: adapter.command,
    summary: `${/^[AEIOU]/.test(BACKEND_NAMES[adapter.backend]) ? 'an' : 'a'} ${BACKEND_NAMES[adapter.backend]} account into teams/ (API with a read-only key, or an export directory)`,
    load: () => Promise.resolve({ run: (argv, io) => importAccountCommand(adapter, argv, io), usage: importAccountUsage(adapter.command) }),
  };
}

export const IMPORT_SOURCES: readonly ImportSource[] = [
  ...ADAPTERS.map(accountSource),
  {
    name: 'datadog-monitors',
    summary: "a Datadog account's monitors and synthetic tests into the alerts of the squads their `team:` tag names",
    load: () => Promise.resolve({ run: importMonitorsCommand, usage: importMonitorsUsage }),
  },
];
