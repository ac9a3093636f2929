/**
 * Reads and validates the router's data off the main thread: the server keeps answering while a reload
 * parses, and a file that would take too long is abandoned (the worker is terminated) with the previous
 * data kept. The organisation comes back by structured clone (plain data: maps, arrays, records).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readRouterData, type RouterDataSource } from './load-data';

const { source, now } = workerData as { source: RouterDataSource; now: number };
try {
  parentPort?.postMessage({ ok: true, data: readRouterData(source, now) });
} catch (err) {
  parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
