import { parseDuration } from '../core/duration';
import type { AlertSpec } from '../spec/types';
import type { PathSegment, YamlFile } from '../spec/yaml-document';
import { ALERT_DEFAULTS } from './alert-defaults';
import type { Reporter } from './reporter';

/**
 * What `query` holds for each monitor kind: the part the renderer does not write itself (see README, "Alerts as
 * code"). A full Datadog monitor query where only its search or metric is expected would be wrapped twice.
 * Query forms: DataDog/datadog-api-client-typescript .generator/schemas/v1/openapi.yaml, `CreateMonitor`
 * ("Query Types").
 */
export function checkQueryShape(r: Reporter, file: YamlFile, at: (...p: PathSegment[]) => PathSegment[], spec: AlertSpec): boolean {
  const query = spec.query?.trim();
  const problem = (path: PathSegment[], message: string): false => {
    r.error(file, path, 'alert/query-shape', message);
    return false;
  };
  if (query === undefined) return true;
  if (spec.kind === 'metric' && /^[a-z_]+\(\s*last_/i.test(query)) {
    return problem(
      at('query'),
      'write only the metric query (`avg:system.cpu.user{*} by {host}`): the time aggregation over `window` and the comparison with `thresholds.critical` are added to it',
    );
  }
  if (spec.kind === 'log') {
    if (/^logs\s*\(/.test(query))
      return problem(
        at('query'),
        'write only the log search, as in the Log Explorer (`service:shop status:error`): `logs(…).index(…).rollup(…).last(window)` and the comparison are added to it',
      );
    const seconds = spec.window === undefined ? ALERT_DEFAULTS.window.seconds : parseDuration(spec.window)?.seconds;
    if (seconds !== undefined && seconds > 48 * 3600) return problem(at('window'), 'a log alert looks back 48 hours at most');
  }
  if (spec.kind === 'service-check') {
    if (/\.last\s*\(|count_by_status/.test(query))
      return problem(
        at('query'),
        'write the check name, optionally with `.over(…)` and `.by(…)` (`"http.can_connect".over("instance:shop")`): `.last(N).count_by_status()` is added from `thresholds`',
      );
    if (/^"/.test(query) ? !/^"[^"]+"(\.(over|by)\((\s*"[^"]*"\s*,?)+\))*$/.test(query) : !/^[A-Za-z0-9_.-]+$/.test(query)) {
      return problem(
        at('query'),
        'a service check is named by its check (`http.can_connect`), or written `"check".over("tag:value").by("host")`',
      );
    }
    for (const level of ['critical', 'warning'] as const) {
      const t = spec.thresholds?.[level];
      if (t !== undefined && !/^>=? ?[0-9]+$/.test(t.trim()))
        return problem(
          at('thresholds', level),
          'a service check threshold counts failing check runs: `>= 3` (or `> 2`) alerts on the third',
        );
    }
  }
  return true;
}
