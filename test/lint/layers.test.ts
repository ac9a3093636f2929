import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const eslint = new ESLint({ cwd: ROOT });

async function messagesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import rule keeps the pure layers pure', () => {
  it.each([
    ['modules/model/x.ts', "import * as pulumi from '@pulumi/pulumi';\nexport const x = pulumi;", /do not import Pulumi/],
    ['modules/spec/x.ts', "import { createServer } from 'node:http';\nexport const x = createServer;", /do not do HTTP/],
    ['modules/model/x.ts', "import { main } from '../cli/main';\nexport const x = main;", /`model` comes before `cli`/],
    [
      'modules/spec/x.ts',
      "import { loadOrganisation } from '../model/load';\nexport const x = loadOrganisation;",
      /`spec` comes before `model`/,
    ],
    ['modules/core/x.ts', "import { parseYaml } from '../spec/yaml-document';\nexport const x = parseYaml;", /`core` comes before `spec`/],
    ['modules/backends/x.ts', "import * as pulumi from '@pulumi/pulumi';\nexport const x = pulumi;", /do not import Pulumi/],
    [
      'modules/backends/pagerduty/x.ts',
      "import { RESOURCE_CLASSES } from '../../pulumi/registry';\nexport const x = RESOURCE_CLASSES;",
      /`backends` comes before `pulumi`/,
    ],
    ['modules/backends/x.ts', "import { main } from '../cli/main';\nexport const x = main;", /`backends` comes before `cli`/],
    [
      'modules/model/x.ts',
      "import { descriptorOf } from '../backends';\nexport const x = descriptorOf;",
      /`model` comes before `backends`/,
    ],
  ])('%s: %s', async (file, code, message) => {
    const messages = await messagesFor(file, code);
    expect(
      messages.some((m) => message.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('allows imports that follow the flow of data', async () => {
    expect(
      await messagesFor('modules/model/x.ts', "import { parseYaml } from '../spec/yaml-document';\nexport const x = parseYaml;"),
    ).toEqual([]);
    expect(
      await messagesFor('modules/cli/x.ts', "import { loadOrganisation } from '../model/load';\nexport const x = loadOrganisation;"),
    ).toEqual([]);
    // Shared rendering and the backends read one another; the Pulumi layer reads the backends' descriptors.
    expect(
      await messagesFor('modules/backends/opsgenie/x.ts', "import { names } from '../../render/names';\nexport const x = names;"),
    ).toEqual([]);
    expect(await messagesFor('modules/render/x.ts', "import { descriptorOf } from '../backends';\nexport const x = descriptorOf;")).toEqual(
      [],
    );
    expect(
      await messagesFor('modules/pulumi/x.ts', "import { RESOURCE_TYPES } from '../backends';\nexport const x = RESOURCE_TYPES;"),
    ).toEqual([]);
  });
});
