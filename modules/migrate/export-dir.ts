/**
 * A directory of JSON exports: one file `<key>.json` per endpoint key (keys may contain `/`), each an array of
 * the endpoint's objects with pages concatenated.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Backend } from '../render/desired';
import type { AccountExport } from './account';

export class ExportDirError extends Error {}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(path));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

export function readExportDir(backend: Backend, dir: string): AccountExport {
  const endpoints = new Map<string, unknown[]>();
  for (const file of jsonFiles(dir)) {
    const key = relative(dir, file).slice(0, -'.json'.length).split(sep).join('/');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ExportDirError(`${file}: not JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(parsed)) throw new ExportDirError(`${file}: expected an array of the endpoint's objects`);
    endpoints.set(key, parsed);
  }
  return { backend, endpoints };
}

/** Writes an export directory, each file whole (written aside, then renamed). */
export function writeExportDir(account: AccountExport, dir: string): void {
  for (const [key, objects] of [...account.endpoints].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = join(dir, ...key.split('/')) + '.json';
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(objects, null, 2) + '\n');
    renameSync(`${file}.tmp`, file);
  }
}
