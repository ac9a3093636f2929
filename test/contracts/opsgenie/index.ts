/** The contracts of every resource type an Opsgenie stack emits, read from the provider at v0.6.40. */
import type { ResourceContract } from '../contract';
import { escalationContract } from './escalation';
import { apiIntegrationContract, emailIntegrationContract } from './integrations';
import { overrideContract } from './override';
import { rotationContract } from './rotation';
import { routingRuleContract } from './routing-rule';
import { scheduleContract } from './schedule';
import { teamContract } from './team';
import { notificationRuleContract, userContactContract } from './notification-rule';

export const opsgenieContracts: ResourceContract[] = [
  teamContract,
  scheduleContract,
  rotationContract,
  escalationContract,
  routingRuleContract,
  apiIntegrationContract,
  emailIntegrationContract,
  overrideContract,
  userContactContract,
  notificationRuleContract,
];
