export { Team } from './team';
export { Schedule, ScheduleRotation } from './schedule';
export { Escalation } from './escalation';
export { TeamRoutingRule } from './routing';
export { ApiIntegration, EmailIntegration } from './integrations';
export { NotificationRule, UserContact } from './notification-rule';
export { getUserOutput, GET_USER } from './get-user';
export { OPSGENIE_VERSION } from './version';
