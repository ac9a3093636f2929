/**
 * `pagerduty:index/team:Team` and `pagerduty:index/teamMembership:TeamMembership`:
 * PagerDuty/terraform-provider-pagerduty@v2.4.0 pagerduty/resource_pagerduty_team.go and
 * resource_pagerduty_team_membership.go.
 */
import type { Value } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { ResourceContract } from '../contract';
import { collector, defined, readDefaulted, schemaViolations, TF, withoutZeroWhereUnset } from './common';

const TEAM = 'resource_pagerduty_team.go';
const MEMBERSHIP = 'resource_pagerduty_team_membership.go';
const ROLES = ['observer', 'responder', 'manager'];

export const teamContract: ResourceContract = {
  type: PD.team,
  source: TF(TEAM),
  validate(resource) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    // Required in Terraform; Pulumi would otherwise name the team after the resource, with a random suffix.
    check(typeof resource.inputs.name === 'string' && resource.inputs.name !== '', 'name', 'required', TF(TEAM, 'resourcePagerDutyTeam'));
    return out;
  },
  readBack(resource) {
    const inputs = resource.inputs as Record<string, Value>;
    // Read sets name, description and parent from the API. The description defaults to "Managed by Pulumi"
    // (pulumi/pulumi-pagerduty@v3.4.0:provider/resources.go, in place of Terraform's).
    return withoutZeroWhereUnset(
      inputs,
      defined({
        name: inputs.name,
        description: readDefaulted(inputs.description, inputs.description ?? 'Managed by Pulumi', 'Managed by Pulumi'),
        parent: inputs.parent ?? '',
      }),
    );
  },
  computed: [],
  forceNew: [],
};

export const teamMembershipContract: ResourceContract = {
  type: PD.membership,
  source: TF(MEMBERSHIP),
  validate(resource) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    const role = resource.inputs.role;
    if (role !== undefined)
      check(
        ROLES.includes(String(role)),
        'role',
        `\`${String(role)}\` is not observer, responder or manager`,
        TF(MEMBERSHIP, 'resourcePagerDutyTeamMembership'),
      );
    return out;
  },
  readBack(resource) {
    const inputs = resource.inputs as Record<string, Value>;
    // fetchPagerDutyTeamMembership sets the role the team's member list gives; the role defaults to manager.
    return defined({ teamId: inputs.teamId, userId: inputs.userId, role: readDefaulted(inputs.role, inputs.role ?? 'manager', 'manager') });
  },
  computed: [],
  forceNew: ['teamId', 'userId'],
};
