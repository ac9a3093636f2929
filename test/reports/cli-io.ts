/** An in-process Io and a history reader that serves records the test made, recording what it was asked. */
import type { Io } from '../../modules/cli/io';
import type { AccountSource } from '../../modules/migrate/account';
import type { Backend } from '../../modules/render/desired';
import type { IncidentRecord } from '../../modules/reports/incident-record';
import type { ReadIncidents } from '../../modules/reports/read-history';

export interface Captured {
  io: Io;
  out: () => string;
  err: () => string;
}

export function captureIo(now: number, cwd = process.cwd()): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
      err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
      now: () => new Date(now),
      cwd,
      env: {},
    },
    out: () => out,
    err: () => err,
  };
}

export interface Asked {
  backend: Backend;
  source: AccountSource;
  since: number;
  until: number;
}

export function servedReader(records: readonly IncidentRecord[], asked: Asked[] = []): ReadIncidents {
  return async (backend, source, since, until) => {
    asked.push({ backend, source, since, until });
    return records.filter((r) => r.createdAt >= since && r.createdAt < until);
  };
}
