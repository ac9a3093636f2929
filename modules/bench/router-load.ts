/**
 * The router benchmark's load: the router and a bare node:http server as child processes, loaded in turn with
 * the same signed request by autocannon from this process. Where `taskset` is available on a machine with at
 * least two CPUs, the servers run on the last CPU and the load generator on the others, so the two do not
 * take turns on one core (the figures then move far less from run to run). On Linux the CPU time each server
 * spends per request (user + system, from /proc) is read too: it explains the throughput ratio.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface LoadResult {
  readonly rps: number;
  readonly p99: number;
  readonly errors: number;
  /** Server CPU (user + system) per request, µs; undefined where /proc is not readable. */
  readonly cpuUsPerRequest: number | undefined;
}

export interface BenchServer {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): void;
}

export interface Pinning {
  readonly server: string;
  readonly load: string;
  restore(): void;
}

/** CPUs this process may run on, from `taskset -pc` ("pid 42's current affinity list: 0-3,6"); [] when unknown. */
function allowedCpus(): number[] {
  try {
    const out = execFileSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const list = out.slice(out.lastIndexOf(':') + 1).trim();
    const cpus: number[] = [];
    for (const part of list.split(',')) {
      const [from, to] = part.split('-').map(Number);
      if (from === undefined || Number.isNaN(from)) return [];
      for (let cpu = from; cpu <= (to ?? from); cpu++) cpus.push(cpu);
    }
    return cpus;
  } catch {
    return []; // no taskset here
  }
}

/**
 * Pins this process (the load generator) away from the CPU the servers will use, among the CPUs it is allowed;
 * undefined when it cannot (no taskset, one CPU, or taskset refusing).
 */
export function pinLoadGenerator(): Pinning | undefined {
  const cpus = allowedCpus();
  if (cpus.length < 2) return undefined;
  const all = cpus.join(',');
  const server = String(cpus[cpus.length - 1]);
  const load = cpus.slice(0, -1).join(',');
  try {
    execFileSync('taskset', ['-pc', load, String(process.pid)], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return {
    server,
    load,
    restore: () => {
      try {
        execFileSync('taskset', ['-pc', all, String(process.pid)], { stdio: 'ignore' });
      } catch {
        // the figures are taken; only later measures would run pinned
      }
    },
  };
}

export async function startBenchServer(kind: 'router' | 'bare', squads: number, pinning: Pinning | undefined): Promise<BenchServer> {
  const args = [join(__dirname, 'servers.js'), kind, String(squads)];
  const child = pinning
    ? spawn('taskset', ['-c', pinning.server, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url, process: child, stop: () => child.kill('SIGTERM') };
}

/** User + system CPU time of a process, µs; undefined where /proc is not readable. */
function cpuTimeUs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // Fields after the command name: state is the first, utime the 12th, stime the 13th (in clock ticks of 10 ms).
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** How the server is loaded: as fast as it answers (its throughput), or at a bounded rate (its latency). */
export interface Load {
  readonly connections: number;
  /** Requests per second over all connections; unbounded when undefined. */
  readonly rate?: number;
}

/** As many requests as the server answers, from 32 connections: the throughput compared with a bare server. */
export const SATURATING: Load = { connections: 32 };
/**
 * A phone line answers a few webhooks per incident: 16 concurrent callers at 200 requests per second in all is
 * far beyond any real incident, and still leaves the CPU idle between requests, so p99 is the time of a request.
 */
export const BOUNDED: Load = { connections: 16, rate: 200 };

export async function loadServer(
  server: BenchServer,
  seconds: number,
  body: string,
  headers: Record<string, string>,
  load: Load = SATURATING,
): Promise<LoadResult> {
  const before = cpuTimeUs(server.process.pid);
  // autocannon stops at its sampling ticks (1 s by default) and counts requests per tick: shorter rounds (the
  // smoke test's) tick as often as they last, and the counts are scaled back to seconds.
  const sampleMs = Math.min(1000, Math.max(100, seconds * 1000));
  const result = await autocannon({
    sampleInt: sampleMs,
    url: `${server.url}/voice`,
    method: 'POST',
    body,
    headers,
    connections: load.connections,
    duration: seconds,
    pipelining: 1,
    ...(load.rate === undefined ? {} : { overallRate: load.rate }),
  });
  const after = cpuTimeUs(server.process.pid);
  const p99 = (result.latency as unknown as Record<string, number>).p99 ?? result.latency.max;
  const requests = result.requests.total;
  return {
    rps: result.requests.average * (1000 / sampleMs),
    p99,
    errors: result.errors + result.non2xx + result.timeouts,
    cpuUsPerRequest: before !== undefined && after !== undefined && requests > 0 ? (after - before) / requests : undefined,
  };
}
