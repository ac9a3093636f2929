/**
 * `opsgenie:index/apiIntegration:ApiIntegration` and `opsgenie:index/emailIntegration:EmailIntegration`
 * (opsgenie/resource_opsgenie_api_integration.go, resource_opsgenie_email_integration.go at v0.6.40).
 */
import type { ResourceContract } from '../contract';
import { defined, knownKeys, lengthBetween, objs, oneOf, Report, required, unsetLike, type Obj } from './checks';
import { pulumiNames, pulumiSchema, tf } from './sources';

const API = 'resource_opsgenie_api_integration';
const EMAIL = 'resource_opsgenie_email_integration';
const API_TOKEN = 'opsgenie:index/apiIntegration:ApiIntegration';
const EMAIL_TOKEN = 'opsgenie:index/emailIntegration:EmailIntegration';

function responders(r: Report, i: Obj, token: string): void {
  objs(i.responders).forEach((x, k) => {
    knownKeys(r, x, `responders[${k}]`, ['type', 'id'], pulumiSchema(`${token}.responders`));
    oneOf(r, x, `responders[${k}]`, 'type', ['user', 'team', 'escalation', 'schedule'], tf('integration_util', 'validateResponderType'));
  });
}

export const apiIntegrationContract: ResourceContract = {
  type: API_TOKEN,
  source: tf(API, 'resourceOpsgenieApiIntegration'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(
      r,
      i,
      '',
      [
        'name',
        'enabled',
        'allowWriteAccess',
        'allowConfigurationAccess',
        'type',
        'ignoreRespondersFromPayload',
        'suppressNotifications',
        'ownerTeamId',
        'webhookUrl',
        'responders',
        'headers',
      ],
      pulumiNames('opsgenie_api_integration'),
    );
    required(r, i, '', 'name', tf(API, 'resourceOpsgenieApiIntegration'));
    lengthBetween(r, i, '', 'name', 1, 250, tf(API, 'resourceOpsgenieApiIntegration'));
    responders(r, i, API_TOKEN);
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read: owner_team_id when the API has an owner team, else the responders; name, type (Create sends "API"
    // when none is given, and Read sets what the API has), allow_write_access and enabled (both Default true),
    // suppress_notifications; never allow_configuration_access nor ignore_responders_from_payload.
    return defined({
      name: i.name,
      type: i.type ?? 'API',
      ownerTeamId: i.ownerTeamId,
      responders: i.responders,
      enabled: i.enabled,
      allowWriteAccess: i.allowWriteAccess,
      allowConfigurationAccess: i.allowConfigurationAccess,
      ignoreRespondersFromPayload: i.ignoreRespondersFromPayload,
      suppressNotifications: unsetLike(i.suppressNotifications, i.suppressNotifications ?? false),
      webhookUrl: i.webhookUrl,
      headers: i.headers,
    });
  },
  computed: [],
  forceNew: ['type', 'ownerTeamId'],
};

export const emailIntegrationContract: ResourceContract = {
  type: EMAIL_TOKEN,
  source: tf(EMAIL, 'resourceOpsgenieEmailIntegration'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(
      r,
      i,
      '',
      ['name', 'emailUsername', 'enabled', 'ignoreRespondersFromPayload', 'suppressNotifications', 'ownerTeamId', 'responders'],
      pulumiNames('opsgenie_email_integration'),
    );
    required(r, i, '', 'name', tf(EMAIL, 'resourceOpsgenieEmailIntegration'));
    required(r, i, '', 'emailUsername', tf(EMAIL, 'resourceOpsgenieEmailIntegration'));
    lengthBetween(r, i, '', 'name', 1, 250, tf(EMAIL, 'resourceOpsgenieEmailIntegration'));
    responders(r, i, EMAIL_TOKEN);
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read: owner_team_id (or the responders when no owner team), name, suppress_notifications,
    // email_username, enabled (Default true).
    return defined({
      name: i.name,
      emailUsername: i.emailUsername,
      ownerTeamId: i.ownerTeamId,
      responders: i.responders,
      enabled: i.enabled,
      ignoreRespondersFromPayload: i.ignoreRespondersFromPayload,
      suppressNotifications: unsetLike(i.suppressNotifications, i.suppressNotifications ?? false),
    });
  },
  computed: [],
  forceNew: [],
};
