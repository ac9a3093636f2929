/**
 * A minimal Language Server Protocol client over stdio, enough to drive the YAML language server as an editor
 * does: initialize, open a document, read its diagnostics, ask for completions. Framing and messages as the
 * LSP 3.17 specification describes them (microsoft.github.io/language-server-protocol, "Base Protocol").
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers';

export interface Diagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly message: string;
  readonly severity?: number;
}

export interface CompletionItem {
  readonly label: string;
  readonly insertText?: string;
  readonly textEdit?: { newText: string };
}

/** Where the server is installed: the project's dependency, or `YAML_LANGUAGE_SERVER` (the package's folder). */
export function languageServerBin(): string | undefined {
  const dir = process.env.YAML_LANGUAGE_SERVER ?? join(ROOT, 'node_modules', 'yaml-language-server');
  const bin = join(dir, 'bin', 'yaml-language-server');
  return existsSync(bin) ? bin : undefined;
}

/** The URI a document names its schema with: the committed schemas/<kind>.schema.json. */
export function schemaUri(kind: 'org' | 'team' | 'alerts'): string {
  return pathToFileURL(join(ROOT, 'schemas', `${kind}.schema.json`)).href;
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

const SETTINGS = { validate: true, completion: true, hover: true, format: { enable: false }, schemaStore: { enable: false }, schemas: {} };

export class LanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiting = new Map<string, Array<(d: Diagnostic[]) => void>>();
  private version = 1;

  constructor(bin: string) {
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  async start(): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          publishDiagnostics: {},
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        workspace: { configuration: true },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: SETTINGS } });
  }

  /** Opens a document and resolves with the first diagnostics the server publishes for it. */
  open(uri: string, text: string): Promise<Diagnostic[]> {
    this.diagnostics.delete(uri);
    const published = new Promise<Diagnostic[]>((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: this.version++, text } });
    return published;
  }

  async complete(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as
      | { items: CompletionItem[] }
      | CompletionItem[]
      | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** The hover's text at a position (markdown when the client accepts it). */
  async hover(uri: string, line: number, character: number): Promise<string> {
    const result = (await this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as {
      contents?: { kind?: string; value?: string } | string;
    } | null;
    const contents = result?.contents;
    return typeof contents === 'string' ? contents : (contents?.value ?? '');
  }

  async stop(): Promise<void> {
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    this.child.kill();
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
      this.send({ id, method, params });
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: Message): void {
    if (m.method === undefined && m.id !== undefined) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
      return;
    }
    if (m.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = m.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      for (const resolve of this.waiting.get(uri) ?? []) resolve(diagnostics);
      this.waiting.delete(uri);
      return;
    }
    // Requests from the server: its settings, and registrations, which an editor accepts.
    if (m.id !== undefined && m.method !== undefined) {
      const items = (m.params as { items?: unknown[] } | undefined)?.items ?? [];
      const result = m.method === 'workspace/configuration' ? items.map(() => SETTINGS) : null;
      this.send({ id: m.id, result });
    }
  }
}
