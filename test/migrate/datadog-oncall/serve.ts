/**
 * The account handler (modules/bench/api/datadog-oncall-account.ts) behind the server that checks every request and
 * answer against the extract of Datadog's API description the import uses (test/fixtures/openapi/README.md).
 */
import type { ApiHandler } from '../../../modules/bench/api/handler';
import { openApiServer } from '../../pulumi/openapi-server';

export const DATADOG_IMPORT_SPEC = 'datadog-oncall-import.json';

export async function serveAccount(handler: ApiHandler) {
  const server = await openApiServer(DATADOG_IMPORT_SPEC, (call) =>
    handler({ method: call.method, path: call.path, query: call.query, headers: call.headers }),
  );
  return server;
}
