/**
 * The parts of Datadog's API objects the monitors import reads: `Monitor` (GET /api/v1/monitor) and
 * `SyntheticsTestDetailsWithoutSteps` / `SyntheticsAPITest` (GET /api/v1/synthetics/tests, GET
 * /api/v1/synthetics/tests/api/{public_id}), as DataDog/datadog-api-client-typescript@a6d174205
 * .generator/schemas/v1/openapi.yaml names them. Everything is optional: an export may come from anywhere.
 */
export interface ApiMonitorThresholds {
  readonly critical?: number;
  readonly warning?: number | null;
  readonly ok?: number | null;
  readonly unknown?: number | null;
  readonly critical_recovery?: number | null;
  readonly warning_recovery?: number | null;
}

export interface ApiMonitorOptions {
  readonly thresholds?: ApiMonitorThresholds;
  readonly notify_no_data?: boolean;
  readonly no_data_timeframe?: number | null;
  readonly renotify_interval?: number | null;
  readonly escalation_message?: string;
  readonly include_tags?: boolean;
  readonly require_full_window?: boolean;
  readonly new_host_delay?: number | null;
  readonly new_group_delay?: number | null;
  readonly evaluation_delay?: number | null;
  readonly timeout_h?: number | null;
  readonly notify_audit?: boolean;
  readonly renotify_occurrences?: number | null;
  readonly renotify_statuses?: readonly string[] | null;
  readonly on_missing_data?: string;
  readonly notify_by?: readonly string[];
  readonly scheduling_options?: unknown;
  readonly threshold_windows?: unknown;
  readonly synthetics_check_id?: string | null;
  readonly [key: string]: unknown;
}

export interface ApiMonitor {
  readonly id: number;
  readonly name?: string;
  readonly type: string;
  readonly query: string;
  readonly message?: string;
  readonly tags?: readonly string[];
  readonly priority?: number | null;
  readonly options?: ApiMonitorOptions;
  readonly restricted_roles?: readonly string[] | null;
}

export interface ApiRequest {
  readonly method?: string;
  readonly url?: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

export interface ApiAssertion {
  readonly type: string;
  readonly operator?: string;
  readonly target?: unknown;
  readonly property?: string;
}

export interface ApiStep {
  readonly name?: string;
  readonly subtype?: string;
  readonly request?: ApiRequest;
  readonly assertions?: readonly ApiAssertion[];
  readonly extractedValues?: ReadonlyArray<{ name?: string; type?: string; parser?: { type?: string; value?: string } }>;
  readonly [key: string]: unknown;
}

export interface ApiSyntheticsTest {
  readonly public_id: string;
  readonly name?: string;
  readonly type?: string;
  readonly subtype?: string;
  readonly status?: string;
  readonly message?: string;
  readonly tags?: readonly string[];
  readonly locations?: readonly string[];
  readonly monitor_id?: number;
  readonly config?: {
    readonly request?: ApiRequest;
    readonly assertions?: readonly ApiAssertion[];
    readonly steps?: readonly ApiStep[];
    readonly [key: string]: unknown;
  };
  readonly options?: {
    readonly tick_every?: number;
    readonly min_location_failed?: number;
    readonly retry?: { readonly count?: number; readonly interval?: number };
    readonly monitor_priority?: number;
    readonly monitor_name?: string;
    readonly monitor_options?: { readonly renotify_interval?: number; readonly escalation_message?: string };
    readonly [key: string]: unknown;
  };
}

/** Endpoint keys of an export (`<key>.json` in an export directory). */
export const MONITORS_KEY = 'monitor';
export const TESTS_KEY = 'synthetics/tests';
/** The details of one API test (multistep tests: the list leaves their steps out). */
export const apiTestKey = (publicId: string) => `synthetics/tests/api/${publicId}`;
