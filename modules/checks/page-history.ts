/** What each alert did over a recent window, as the history-fed readiness checks read it. */
export interface AlertPages {
  readonly pages: number;
  readonly acknowledged: number;
  /** Pages that have a response target. */
  readonly measured: number;
  /** Of those, acknowledged within the target. */
  readonly withinTarget: number;
  /** The response target in minutes (the service's promise, else the policy's), when there is one. */
  readonly targetMinutes?: number;
}

export interface PageHistory {
  /** Where it was read (`pagerduty`, `opsgenie`, `datadog`). */
  readonly backend: string;
  /** The window, epoch ms, half-open. */
  readonly since: number;
  readonly until: number;
  readonly days: number;
  /** By alert id. */
  readonly alerts: ReadonlyMap<string, AlertPages>;
}
