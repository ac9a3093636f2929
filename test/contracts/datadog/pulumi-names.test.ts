/**
 * The input names the renderers emit for Datadog resources are those of the `@pulumi/datadog` 5.11.0 SDK:
 * every key, nested ones included, is a property of the SDK's `<Resource>Args` interface or of the input
 * type it names (types/input.d.ts), and every property the SDK requires is present. Read from the
 * generated .d.ts files, not from our own list.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrganisation } from '../../../modules/model/load';
import { BACKENDS, type Value } from '../../../modules/render/desired';
import { renderStack } from '../../../modules/render/stack';
import { NOW } from '../../helpers';
import { lab } from './lab-squad';

const SDK = dirname(require.resolve('@pulumi/datadog/package.json'));
const INPUTS = readFileSync(join(SDK, 'types', 'input.d.ts'), 'utf8');

interface Shape {
  readonly props: Map<string, { required: boolean; type?: string }>;
}

/** The properties of `export interface <name> {…}` in a .d.ts text, with the input type each one names. */
function shapeOf(text: string, name: string): Shape {
  const start = text.indexOf(`export interface ${name} {`);
  if (start < 0) throw new Error(`no interface ${name}`);
  const body = text.slice(start, text.indexOf('\n}', start));
  const props = new Map<string, { required: boolean; type?: string }>();
  for (const m of body.matchAll(/^ {4}([a-zA-Z0-9]+)(\??): (.*)$/gm)) {
    props.set(m[1]!, { required: m[2] !== '?', type: /inputs\.([A-Za-z0-9]+)/.exec(m[3]!)?.[1] });
  }
  return { props };
}

/** `datadog:index/monitor:Monitor` → monitor.d.ts, `MonitorArgs`; `datadog:pagerduty/serviceObject:ServiceObject` → pagerduty/serviceObject.d.ts. */
function argsOf(type: string): Shape {
  const [, module, file, cls] = /^datadog:([a-z]+)\/([a-zA-Z]+):([A-Za-z]+)$/.exec(type)!;
  const path = module === 'index' ? join(SDK, `${file}.d.ts`) : join(SDK, module!, `${file}.d.ts`);
  return shapeOf(readFileSync(path, 'utf8'), `${cls}Args`);
}

const symbolic = (v: unknown): boolean => typeof v === 'object' && v !== null && ('$ref' in v || '$invoke' in v || '$concat' in v);

function check(value: Value, shape: Shape, path: string, out: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || symbolic(value)) return;
  const obj = value as Record<string, Value>;
  for (const [k, p] of shape.props) if (p.required && obj[k] === undefined) out.push(`${path}${k}: required by the SDK`);
  for (const [k, v] of Object.entries(obj)) {
    const prop = shape.props.get(k);
    if (!prop) {
      out.push(`${path}${k}: not an input of the SDK`);
      continue;
    }
    if (!prop.type) continue;
    const nested = shapeOf(INPUTS, prop.type);
    if (Array.isArray(v)) v.forEach((item, i) => check(item, nested, `${path}${k}[${i}].`, out));
    else check(v, nested, `${path}${k}.`, out);
  }
}

describe("Datadog input names are the @pulumi/datadog 5.11.0 SDK's", () => {
  // The fixture organisation plus a squad with every alert kind, coverage shape and target.
  const org = loadOrganisation(lab()).organisation!;
  it.each(BACKENDS)('every Datadog resource of a %s stack', (backend) => {
    const out: string[] = [];
    const resources = renderStack(org, { now: NOW, name: 't', backend }).resources.filter((r) => r.type.startsWith('datadog:'));
    expect(resources.length).toBeGreaterThan(5);
    for (const r of resources) check(r.inputs as Value, argsOf(r.type), `${r.name}.`, out);
    expect(out).toEqual([]);
  });

  it('the check bites: a Terraform name (`layer`) or a missing required input is reported', () => {
    const out: string[] = [];
    check({ name: 's', timeZone: 'UTC', layer: [] }, argsOf('datadog:index/onCallSchedule:OnCallSchedule'), '', out);
    expect(out).toEqual(['layers: required by the SDK', 'layer: not an input of the SDK']);
  });
});
