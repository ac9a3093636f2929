/**
 * The provider releases the Pulumi program registers with, for the bulk-import file's `version`: the installed
 * `@pulumi/pagerduty` and `@pulumi/datadog` (their SDKs register with their own package version, utilities.js
 * `getVersion`), as the project in the working directory resolves them, else as this package does; and the
 * release our Opsgenie bindings pin. Read from package.json files: Pulumi itself is not loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ProviderVersions } from '../../migrate/bulk-import';
import { OPSGENIE_VERSION } from '../../pulumi/opsgenie/release';

function installedVersion(pkg: string, cwd: string): string | undefined {
  for (const from of [join(cwd, 'package.json'), __filename]) {
    try {
      const file = createRequire(from).resolve(`${pkg}/package.json`);
      const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
      if (typeof version === 'string') return version.replace(/^v/, '');
    } catch {
      // Not installed from there.
    }
  }
  return undefined;
}

export function providerVersions(cwd: string): ProviderVersions {
  const pagerduty = installedVersion('@pulumi/pagerduty', cwd);
  const datadog = installedVersion('@pulumi/datadog', cwd);
  return {
    'opsgenie-binding': OPSGENIE_VERSION,
    ...(pagerduty === undefined ? {} : { '@pulumi/pagerduty': pagerduty }),
    ...(datadog === undefined ? {} : { '@pulumi/datadog': datadog }),
  };
}
