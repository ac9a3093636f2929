/**
 * Contracts of every Datadog resource type a stack registers, whatever its paging backend.
 *
 * Which provider code `@pulumi/datadog` 5.11.0 runs, and how that was pinned:
 * - pulumi/pulumi-datadog tags v5.3.0…v5.8.0 pin `upstream` (the submodule) to terraform-provider-datadog
 *   v4.10.0…v4.15.0, each one "Upgrade terraform-provider-datadog to v4.x" commit per release (v5.8.0 →
 *   v4.15.0, 2026-07-07). The mirror has no tag after v5.8.0, so 5.11.0's pin is not recorded there.
 * - The SDK in node_modules/@pulumi/datadog (5.11.0) has resources that each bound it from below:
 *   `governanceControl` (added in terraform-provider-datadog 4.19.0, CHANGELOG "4.19.0 (August 21, 2026)"),
 *   `webhookOauth2ClientCredentials` (4.18.0), `incidentPostmortemTemplate` (4.17.0), `costCustomForecast`
 *   and `getCurrentUser` (4.16.0), and `rumExclusionFilter`, merged one commit after the v4.19.0 tag
 *   (701d55bc4). It also has `statusPage`, `statusPageComponent`, `actionExecutionPolicy`, `rumRetentionQuota`,
 *   `samlIdpMetadata` and `tagRule`, which exist only on unmerged branches of the mirror (newest 2026-08-22).
 * - So 5.11.0 wraps a release after v4.19.0 (v4.20.0 or later) that neither mirror holds. The rules here
 *   are read at v4.19.0, the newest tag available; for every resource the renderers emit, the field names,
 *   validators' "Valid values" and defaults quoted in the 5.11.0 SDK's docs (types/input.d.ts, the
 *   resources' .d.ts) were compared with v4.19.0 and agree (e.g. the escalation target `position`
 *   "`current` (default), `previous`, `next`", the routing rules' catch-all last rule, the schedule layer's
 *   interval). The status page resources are read from their branch's newest commit 879ff0dd8
 *   (robert.nortepeterson/STTSPG-1523-status-page-resource), whose schema matches the SDK's except that the
 *   SDK no longer documents group `components` as create-only.
 * - The API description is DataDog/datadog-api-client-typescript@a6d174205 (2026-08-21): the v1 OpenAPI
 *   (.generator/schemas/v1/openapi.yaml) and the generated v2 models (the v2 OpenAPI file is over the mirror's
 *   size limit). The On-Call overrides endpoints are not in that client yet; they are read from the API
 *   reference (docs.datadoghq.com/api/latest/on-call/create-on-call-schedule-overrides).
 */
import type { ResourceContract } from '../contract';
import { alertContracts } from './alerts';
import { onCallContracts } from './oncall';
import { notificationChannelContract, notificationRuleContract } from './contacts';

export const datadogContracts: ResourceContract[] = [
  ...onCallContracts,
  notificationChannelContract,
  notificationRuleContract,
  ...alertContracts,
];
