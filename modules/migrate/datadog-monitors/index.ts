/** The Datadog monitors import: what the CLI, the bulk-import file and the benchmark use. */
export { importDatadogMonitors, IMPORTED_ALERTS_FILE, type MonitorsImport } from './import';
export { readMonitorsAccount, datadogApiUrl, monitorsHeadersFromEnv } from './read';
export { writeImportedAlerts, alertsYaml } from './write';
export { importSummary, findingsText } from './report';
export { observeMonitors } from './observe';
export { MONITORS_KEY, TESTS_KEY, apiTestKey } from './api-types';
export type { ImportOptions } from './draft';
