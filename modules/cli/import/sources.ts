/**
 * What `oncall import <source>` reads: one entry per source, loaded when it runs. Each account adapter
 * (modules/migrate/adapters.ts) is a source; other importers add themselves here with one line.
 */
import type { AccountAdapter } from '../../migrate/account';
import { ADAPTERS } from '../../migrate/adapters';
import { BACKEND_NAMES } from '../../migrate/import-report';
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
    summary: `a ${BACKEND_NAMES[adapter.backend]} account into teams/ (API with a read-only key, or an export directory)`,
    load: async () => {
      const m = await import('../commands/import-account.js');
      return { run: (argv, io) => m.importAccountCommand(adapter, argv, io), usage: m.importAccountUsage(adapter.command) };
    },
  };
}

export const IMPORT_SOURCES: readonly ImportSource[] = [
  ...ADAPTERS.map(accountSource),
  // Monitors and synthetic tests into alert files: { name: 'datadog-monitors', summary: …, load: () => import('../commands/import-monitors.js') … },
];
