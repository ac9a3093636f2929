/**
 * Where the Datadog rules were read. The provider tag is the newest release in the mirror at hand and the
 * closest to what `@pulumi/datadog` 5.11.0 wraps (see index.ts for how it was pinned).
 */
export const TF = 'DataDog/terraform-provider-datadog@v4.19.0';
/** The status page resources are not in any tagged release of the mirror: read from their branch. */
export const TF_STATUS_PAGE = 'DataDog/terraform-provider-datadog@879ff0dd8 (branch robert.nortepeterson/STTSPG-1523-status-page-resource)';
export const API = 'DataDog/datadog-api-client-typescript@a6d174205';
/** The On-Call overrides endpoints are documented on the API reference, not yet in the client above. */
export const API_OVERRIDES = 'docs.datadoghq.com/api/latest/on-call/create-on-call-schedule-overrides (CreateOverridesRequest)';
