/**
 * Every PagerDuty resource type the renderer emits, as the provider pinned by `@pulumi/pagerduty` 3.4.0
 * (PagerDuty/terraform-provider-pagerduty v2.4.0, which the Pulumi fork at 6a97d42457b2 tracks) and the
 * REST API enforce and read them back.
 */
import type { ResourceContract } from '../contract';
import { escalationPolicyContract } from './escalation-policy';
import { scheduleContract } from './schedule';
import { scheduleOverrideContract } from './schedule-override';
import { serviceContract } from './service';
import { serviceIntegrationContract } from './service-integration';
import { teamContract, teamMembershipContract } from './team';
import { userContactMethodContract, userNotificationRuleContract } from './user-contact';

export const pagerdutyContracts: ResourceContract[] = [
  teamContract,
  teamMembershipContract,
  scheduleContract,
  escalationPolicyContract,
  serviceContract,
  serviceIntegrationContract,
  scheduleOverrideContract,
  userContactMethodContract,
  userNotificationRuleContract,
];
