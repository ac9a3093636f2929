/**
 * The accounts of the import rows on 127.0.0.1: an Opsgenie account (a directory of JSON exports, served by the pure
 * handler of api/opsgenie-account.ts) and a Datadog account's monitors and synthetic tests (a JSON file, served by
 * api/datadog-monitors.ts), each on a plain node:http server. As a child process (the bench's: the servers' work
 * then does not run on the client's event loop), it prints their URLs and serves until killed:
 *   node dist/modules/bench/import-servers.js OPSGENIE_EXPORT_DIR MONITORS_JSON
 */
import { readFileSync } from 'node:fs';
import { readExportDir } from '../migrate/export-dir';
import type { ApiMonitor, ApiSyntheticsTest } from '../migrate/datadog-monitors/api-types';
import { datadogMonitorsHandler } from './api/datadog-monitors';
import { serveApi } from './api/handler';
import { opsgenieAccountHandler } from './api/opsgenie-account';

/** The keys the served accounts accept (the client sends them as a user's read-only keys). */
export const IMPORT_KEYS = { opsgenie: 'bench-opsgenie-key', ddApi: 'bench-dd-api-key', ddApp: 'bench-dd-app-key' } as const;

export interface PublishedMonitors {
  readonly monitors: readonly ApiMonitor[];
  readonly tests: readonly ApiSyntheticsTest[];
}

export interface ImportServers {
  readonly opsgenie: string;
  readonly datadog: string;
  close(): Promise<void>;
}

export async function serveImportAccounts(opsgenieDir: string, monitorsFile: string): Promise<ImportServers> {
  const published = JSON.parse(readFileSync(monitorsFile, 'utf8')) as PublishedMonitors;
  const opsgenie = await serveApi(opsgenieAccountHandler(readExportDir('opsgenie', opsgenieDir), { key: IMPORT_KEYS.opsgenie }));
  const datadog = await serveApi(
    datadogMonitorsHandler({ monitors: published.monitors, tests: published.tests, apiKey: IMPORT_KEYS.ddApi, appKey: IMPORT_KEYS.ddApp }),
  );
  return {
    opsgenie: opsgenie.url,
    datadog: datadog.url,
    close: async () => {
      await opsgenie.close();
      await datadog.close();
    },
  };
}

if (require.main === module) {
  const [dir, file] = process.argv.slice(2);
  void serveImportAccounts(dir ?? '', file ?? '').then((s) => process.stdout.write(`URLS ${s.opsgenie} ${s.datadog}\n`));
}
