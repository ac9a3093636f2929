/**
 * A local server on 127.0.0.1 that plays a vendor's API from its published description: each request must match
 * an operation (method and path), carry its required headers and credentials, use only declared query
 * parameters with valid values, and send a body valid against the operation's schema; each answer the test's
 * handler gives is checked against the operation's responses. Every mismatch is recorded in `violations` (the
 * tests assert it stays empty) and the request is answered 400.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isObject, loadSpec, resolve, toJsonSchema, type Json, type JsonObject, type Spec } from './openapi-schema';

export interface Call {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  /** When the request arrived (ms since the epoch). */
  readonly at: number;
}

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Answer only after this long (the client may have given up by then). */
  readonly delayMs?: number;
  /** Not an answer of the API but of the network in front of it (a gateway's 502): not checked. */
  readonly outage?: boolean;
}

export type Handler = (call: Call) => Answer;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // Vendor formats the descriptions use.
  ajv.addFormat('phone-number', /^\+[1-9]\d{1,14}$/);
  ajv.addFormat('http-method', /^(GET|POST|PUT|DELETE|PATCH|HEAD)$/);
  ajv.addFormat('date-time-rfc-2822', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('url', { validate: (s: string) => URL.canParse(s) });
  // PagerDuty's: a time of day `HH:mm:ss` (RFC 3339 partial-time), and zone names (IANA or Rails').
  ajv.addFormat('partial-time', /^\d{2}:\d{2}:\d{2}(\.\d+)?$/);
  for (const f of ['activesupport-time-zone', 'tzinfo']) ajv.addFormat(f, /^[A-Za-z0-9_+\-/ ().&']+$/);
  for (const f of ['int32', 'int64', 'float', 'double'])
    if (!(f in ajv.formats)) ajv.addFormat(f, { type: 'number', validate: () => true });
  return ajv;
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`))
    .replace(/\{([^}]+)\}/g, (_m, n: string) => {
      names.push(n);
      return '([^/]+)';
    });
  const m = new RegExp(`^${pattern}$`).exec(path);
  return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])) : undefined;
}

/** A query, form or path value as the type its schema declares. */
function coerce(value: string, schema: Json): Json {
  const type = isObject(schema) ? schema.type : undefined;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

export interface ServerOptions {
  /** Request fields the vendor shows in its own examples but leaves out of its schema (named, with a source). */
  readonly undeclared?: JsonObject;
}

export async function openApiServer(specFile: string, handler: Handler, options: ServerOptions = {}) {
  const spec: Spec = loadSpec(specFile);
  const ajv = makeAjv();
  const calls: Call[] = [];
  const violations: string[] = [];

  const compiled = new Map<string, ReturnType<Ajv2020['compile']>>();
  const validator = (schema: Json, mode: 'request' | 'response') => {
    const key = `${mode} ${JSON.stringify(schema)}`;
    let v = compiled.get(key);
    if (!v) compiled.set(key, (v = ajv.compile(toJsonSchema(spec, schema, mode, mode === 'request' ? options.undeclared : {}))));
    return v;
  };
  const check = (what: string, schema: Json, value: unknown, mode: 'request' | 'response'): void => {
    const validate = validator(schema, mode);
    if (!validate(value)) violations.push(`${what}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value).slice(0, 300)}`);
  };

  const operationFor = (
    method: string,
    path: string,
  ): { op: JsonObject; pathItem: JsonObject; params: Record<string, string> } | undefined => {
    for (const [template, item] of Object.entries(spec.paths)) {
      const params = matchPath(template, path);
      const op = item[method.toLowerCase()];
      if (params && isObject(op)) return { op, pathItem: item, params };
    }
    return undefined;
  };

  const checkRequest = (
    op: JsonObject,
    pathItem: JsonObject,
    params: Record<string, string>,
    query: URLSearchParams,
    req: IncomingMessage,
    raw: string,
  ): unknown => {
    const id = String(op.operationId);
    const declared = [
      ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
      ...(Array.isArray(op.parameters) ? op.parameters : []),
    ]
      .map((p) => resolve(spec, p))
      .filter(isObject);
    for (const p of declared) {
      const name = String(p.name);
      const schema = (p.schema ?? { type: p.type, enum: p.enum, format: p.format }) as Json;
      const value =
        p.in === 'path'
          ? params[name]
          : p.in === 'query'
            ? (query.get(name) ?? undefined)
            : p.in === 'header'
              ? (req.headers[name.toLowerCase()] as string | undefined)
              : undefined;
      if (p.in === 'body') continue;
      if (value === undefined) {
        if (p.required === true) violations.push(`${id}: required ${p.in} parameter ${name} is missing`);
        continue;
      }
      const v = p.in === 'header' ? value.split(';')[0]!.trim() : value;
      check(
        `${id}: ${p.in} parameter ${name}`,
        schema,
        p.in === 'header' && name === 'Content-Type' ? v : coerce(value, schema),
        'request',
      );
    }
    for (const name of new Set(query.keys())) {
      if (!declared.some((p) => p.in === 'query' && p.name === name))
        violations.push(`${id}: query parameter ${name} is not in the description`);
    }
    const requirements = (op.security ?? spec.security ?? []) as Json[];
    const schemes = (
      isObject(spec.components) && isObject(spec.components.securitySchemes) ? spec.components.securitySchemes : spec.securityDefinitions
    ) as JsonObject | undefined;
    const satisfied = (r: Json): boolean =>
      isObject(r) &&
      Object.keys(r).every((name) => {
        const s = schemes?.[name];
        if (!isObject(s)) return false;
        if (s.type === 'apiKey' && s.in === 'header') return typeof req.headers[String(s.name).toLowerCase()] === 'string';
        if (s.type === 'http' && s.scheme === 'basic') return /^Basic [A-Za-z0-9+/=]+$/.test(req.headers.authorization ?? '');
        return false;
      });
    if (requirements.length > 0 && !requirements.some(satisfied)) violations.push(`${id}: no credentials the description accepts`);

    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const bodyParam = declared.find((p) => p.in === 'body');
    const requestBody = isObject(op.requestBody) ? (resolve(spec, op.requestBody) as JsonObject) : undefined;
    if (!bodyParam && !requestBody) {
      if (raw !== '') violations.push(`${id}: a body was sent to an operation that takes none`);
      return undefined;
    }
    if (raw === '') {
      if (bodyParam?.required === true || requestBody?.required === true) violations.push(`${id}: the required body is missing`);
      return undefined;
    }
    const content: JsonObject = isObject(requestBody?.content)
      ? requestBody.content
      : { 'application/json': { schema: bodyParam?.schema ?? {} } };
    const media = content[contentType];
    if (!isObject(media)) {
      violations.push(`${id}: body sent as ${contentType || 'no content type'}; the description takes ${Object.keys(content).join(', ')}`);
      return undefined;
    }
    const schema = (media.schema ?? {}) as Json;
    let body: unknown;
    if (contentType === 'application/x-www-form-urlencoded') {
      const props = resolve(spec, schema);
      const fields = isObject(props) && isObject(props.properties) ? props.properties : {};
      body = Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, coerce(v, resolve(spec, fields[k] ?? {}))]));
    } else {
      try {
        body = JSON.parse(raw);
      } catch {
        violations.push(`${id}: the body is not JSON`);
        return undefined;
      }
    }
    check(`${id}: request body`, schema, body, 'request');
    return body;
  };

  const checkResponse = (op: JsonObject, answer: Answer): void => {
    const id = String(op.operationId);
    const responses = isObject(op.responses) ? op.responses : {};
    const declared = responses[String(answer.status)] ?? responses.default;
    if (declared === undefined) {
      violations.push(`${id}: the fake answered ${answer.status}, which the description does not list`);
      return;
    }
    const r = resolve(spec, declared);
    const schema = isObject(r)
      ? isObject(r.content)
        ? (r.content['application/json'] as JsonObject | undefined)?.schema
        : r.schema
      : undefined;
    if (schema !== undefined && answer.body !== undefined) check(`${id}: ${answer.status} answer`, schema, answer.body, 'response');
    if (schema === undefined && answer.body !== undefined)
      violations.push(`${id}: the ${answer.status} answer has a body the description does not declare`);
  };

  // Compiled before the first request, so compiling never delays an answer past a client's timeout.
  for (const item of Object.values(spec.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const rb = isObject(op.requestBody) ? resolve(spec, op.requestBody) : undefined;
      const media = isObject(rb) && isObject(rb.content) ? Object.values(rb.content) : [];
      const bodyParams = (Array.isArray(op.parameters) ? op.parameters : [])
        .map((p) => resolve(spec, p))
        .filter((p) => isObject(p) && p.in === 'body');
      for (const x of [...media, ...bodyParams]) if (isObject(x) && x.schema !== undefined) validator(x.schema, 'request');
      for (const r of Object.values(isObject(op.responses) ? op.responses : {})) {
        const rr = resolve(spec, r);
        const schema = isObject(rr)
          ? isObject(rr.content)
            ? (rr.content['application/json'] as JsonObject | undefined)?.schema
            : rr.schema
          : undefined;
        if (schema !== undefined) validator(schema, 'response');
      }
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const found = operationFor(req.method ?? '', url.pathname);
      if (!found) {
        violations.push(`${req.method} ${url.pathname}: no such operation in ${specFile}`);
        res.writeHead(404).end();
        return;
      }
      const before = violations.length;
      const body = checkRequest(found.op, found.pathItem, found.params, url.searchParams, req, raw);
      const call: Call = {
        operationId: String(found.op.operationId),
        method: req.method ?? '',
        path: url.pathname,
        params: found.params,
        query: url.searchParams,
        headers: req.headers,
        body,
        at: Date.now(),
      };
      calls.push(call);
      if (violations.length > before) {
        res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ violations: violations.slice(before) }));
        return;
      }
      const answer = handler(call);
      if (!answer.outage) checkResponse(found.op, answer);
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    violations,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export const operations = (spec: Spec): string[] =>
  Object.values(spec.paths).flatMap((item) =>
    METHODS.filter((m) => isObject(item[m])).map((m) => String((item[m] as JsonObject).operationId)),
  );
