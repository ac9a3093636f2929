/** `opsgenie:index/schedule:Schedule` (opsgenie/resource_opsgenie_schedule.go at v0.6.40). */
import type { ResourceContract } from '../contract';
import { defined, knownKeys, lengthBetween, Report, required, unsetLike, type Obj } from './checks';
import { pulumiNames, tf } from './sources';

const FILE = 'resource_opsgenie_schedule';

export const scheduleContract: ResourceContract = {
  type: 'opsgenie:index/schedule:Schedule',
  source: tf(FILE, 'resourceOpsgenieSchedule'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(r, i, '', ['name', 'description', 'timezone', 'enabled', 'ownerTeamId'], pulumiNames('opsgenie_schedule'));
    required(r, i, '', 'name', tf(FILE, 'resourceOpsgenieSchedule'));
    // validateOpsgenieScheduleName: ^[a-zA-Z 0-9_-]+$ and fewer than 100 characters.
    const name = i.name;
    if (typeof name === 'string' && !/^[a-zA-Z 0-9_-]+$/.test(name))
      r.add(
        'name',
        `\`${name}\` has characters other than letters, digits, spaces, \`_\` and \`-\``,
        tf(FILE, 'validateOpsgenieScheduleName'),
      );
    lengthBetween(r, i, '', 'name', 1, 99, tf(FILE, 'validateOpsgenieScheduleName'));
    lengthBetween(r, i, '', 'description', 0, 9999, tf(FILE, 'validateOpsgenieScheduleDescription'));
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read sets name, owner_team_id (when the API has one), timezone, description and enabled; timezone has
    // Default "America/New_York" and a DiffSuppressFunc for zones at the same offset now.
    return defined({
      name: i.name,
      description: unsetLike(i.description, i.description ?? ''),
      timezone: i.timezone === undefined ? undefined : i.timezone,
      enabled: unsetLike(i.enabled, i.enabled ?? false),
      ownerTeamId: i.ownerTeamId,
    });
  },
  computed: [],
  forceNew: [],
};
