/** What a pull request adds or changes, comparing the organisation at a base ref with the working tree. */
import { alertFingerprint } from '../model/alert-fingerprint';
import type { Organisation } from '../model/types';

export function changedAlerts(base: Organisation | undefined, head: Organisation): Set<string> {
  const out = new Set<string>();
  for (const a of head.alerts.values()) {
    const before = base?.alerts.get(a.id);
    if (!before || alertFingerprint(before) !== alertFingerprint(a)) out.add(a.id);
  }
  return out;
}

/** Customer-facing services that are new, changed, or whose alerts changed. */
export function changedServices(base: Organisation | undefined, head: Organisation, alerts: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const s of head.services.values()) {
    const before = base?.services.get(s.id);
    if (!before || JSON.stringify(before.statusPage) !== JSON.stringify(s.statusPage) || before.squad !== s.squad) out.add(s.id);
  }
  for (const id of alerts) {
    const a = head.alerts.get(id);
    if (a) out.add(a.service);
  }
  return out;
}
