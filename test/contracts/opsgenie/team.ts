/** `opsgenie:index/team:Team` (opsgenie/resource_opsgenie_team.go at v0.6.40). */
import type { ResourceContract } from '../contract';
import { asSet, defined, knownKeys, lengthBetween, list, objs, Report, required, type Obj } from './checks';
import { pulumiNames, pulumiSchema, tf } from './sources';

const FILE = 'resource_opsgenie_team';
const TOKEN = 'opsgenie:index/team:Team';

export const teamContract: ResourceContract = {
  type: TOKEN,
  source: tf(FILE, 'resourceOpsGenieTeam'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(r, i, '', ['name', 'description', 'ignoreMembers', 'deleteDefaultResources', 'members'], pulumiNames('opsgenie_team'));
    required(r, i, '', 'name', tf(FILE, 'resourceOpsGenieTeam'));
    const name = i.name;
    if (typeof name === 'string' && !/^[a-zA-Z 0-9_.-]+$/.test(name))
      r.add(
        'name',
        `\`${name}\` has characters other than letters, digits, spaces, dots, hyphens and underscores`,
        tf(FILE, 'validateOpsGenieTeamName'),
      );
    lengthBetween(r, i, '', 'name', 1, 99, tf(FILE, 'validateOpsGenieTeamName'));
    objs(i.members).forEach((m, k) => {
      knownKeys(r, m, `members[${k}]`, ['id', 'username', 'role'], pulumiSchema(`${TOKEN}.members`));
      required(r, m, `members[${k}]`, 'id', tf(FILE, 'resourceOpsGenieTeam'));
    });
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read sets name, description and (unless ignore_members) the members with their username (Computed) and
    // role (Default "user"); `member` is a set, so duplicates collapse. delete_default_resources and
    // ignore_members are never read: they stay as configured.
    const seen = new Set<string>();
    const members = objs(i.members)
      .filter((m) => {
        const key = JSON.stringify(m.id);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((m) => defined({ id: m.id, role: m.role ?? undefined }));
    return defined({
      name: i.name,
      description: i.description,
      deleteDefaultResources: i.deleteDefaultResources,
      ignoreMembers: i.ignoreMembers,
      members: i.members === undefined || i.ignoreMembers === true ? i.members : asSet(list(i.members), members),
    });
  },
  computed: ['members[].username'],
  forceNew: [],
};
