/** Loading the router's data in a worker thread, with a time limit. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RouterSetupError, type RouterData, type RouterDataSource } from './load-data';

/** A reload that takes longer than this is abandoned: no organisation of a sane size comes near it. */
export const RELOAD_TIME_LIMIT_MS = 10_000;

/**
 * The compiled worker: beside this file when running from `dist/modules`; from the build when this module runs
 * from its TypeScript source (tests) or from the CLI's bundle (`dist/cli`), since a worker thread runs JavaScript
 * only.
 */
export function workerScript(): string | undefined {
  const beside = join(__dirname, 'reload-worker.js');
  if (existsSync(beside)) return beside;
  const built = join(__dirname, '..', '..', 'dist', 'modules', 'router', 'reload-worker.js');
  return existsSync(built) ? built : undefined;
}

export interface WorkerLoad {
  readonly done: Promise<RouterData>;
  /** Stops the load (the router is closing). */
  cancel(): void;
}

export function loadInWorker(source: RouterDataSource, now: number, limitMs = RELOAD_TIME_LIMIT_MS): WorkerLoad {
  const script = workerScript();
  if (!script) throw new RouterSetupError('the reload worker is not built (`npm run build`)');
  // A bounded heap too: a hostile file may also try to exhaust memory.
  const worker = new Worker(script, {
    workerData: { source: { teamsDir: source.teamsDir, secretsFile: source.secretsFile }, now },
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  let settle: ((outcome: { data?: RouterData; error?: Error }) => void) | undefined;
  const done = new Promise<RouterData>((resolve, reject) => {
    settle = (outcome) => {
      settle = undefined;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome.data) resolve(outcome.data);
      else reject(outcome.error);
    };
  });
  const timer = setTimeout(
    () => settle?.({ error: new RouterSetupError(`reading ${source.teamsDir} took longer than ${limitMs / 1000} s and was abandoned`) }),
    limitMs,
  );
  worker.on('message', (m: { ok: boolean; data?: RouterData; error?: string }) =>
    settle?.(m.ok ? { data: m.data } : { error: new RouterSetupError(m.error ?? 'the reload failed') }),
  );
  worker.on('error', (err) => settle?.({ error: new RouterSetupError(`the reload failed: ${err.message}`) }));
  worker.on('exit', (code) => settle?.({ error: new RouterSetupError(`the reload stopped (exit ${code})`) }));
  return { done, cancel: () => settle?.({ error: new RouterSetupError('the router is closing') }) };
}
