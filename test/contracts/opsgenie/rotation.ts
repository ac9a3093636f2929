/** `opsgenie:index/scheduleRotation:ScheduleRotation` (opsgenie/resource_opsgenie_schedule_rotation.go at v0.6.40). */
import type { Value } from '../../../modules/render/desired';
import type { ResourceContract } from '../contract';
import { defined, formatGoZ, isKnown, knownKeys, objs, oneOf, parseGoZ, Report, required, unsetLike, type Obj } from './checks';
import { pulumiNames, pulumiSchema, sdk, tf } from './sources';
import { readTimeRestrictions, validateTimeRestrictions } from './time-restriction';

const FILE = 'resource_opsgenie_schedule_rotation';
const TOKEN = 'opsgenie:index/scheduleRotation:ScheduleRotation';

/** util.go validateDateWithMinutes: Go layout `2006-01-02T15:04:05Z` (a literal Z), minutes 0 or 30. */
function date(r: Report, i: Obj, key: 'startDate' | 'endDate'): Date | undefined {
  const v = i[key];
  if (typeof v !== 'string') return undefined;
  const d = parseGoZ(v);
  const source = tf('util', 'validateDateWithMinutes');
  if (!d) r.add(key, `\`${v}\` does not parse with the Go layout 2006-01-02T15:04:05Z (UTC with a literal Z, no offset)`, source);
  else if (d.getUTCMinutes() % 30 !== 0) r.add(key, `\`${v}\`: minutes must be 0 or 30`, source);
  return d;
}

export const rotationContract: ResourceContract = {
  type: TOKEN,
  source: tf(FILE, 'resourceOpsgenieScheduleRotation'),
  validate(resource) {
    const r = new Report();
    const i = resource.inputs as Obj;
    knownKeys(
      r,
      i,
      '',
      ['scheduleId', 'name', 'startDate', 'endDate', 'type', 'length', 'participants', 'timeRestrictions'],
      pulumiNames('opsgenie_schedule_rotation'),
    );
    for (const key of ['scheduleId', 'startDate', 'type', 'participants'])
      required(r, i, '', key, tf(FILE, 'resourceOpsgenieScheduleRotation'));
    const start = date(r, i, 'startDate');
    const end = date(r, i, 'endDate');
    if (start && end && end <= start) r.add('endDate', 'the end must be later than the start', sdk('og/entity', 'Rotation.Validate'));
    oneOf(r, i, '', 'type', ['daily', 'weekly', 'hourly'], tf(FILE, 'validateOpsgenieScheduleRotationType'));
    if (isKnown(i.length) && i.length !== undefined && (typeof i.length !== 'number' || !Number.isInteger(i.length) || i.length < 0)) {
      // The expand sends uint32(length).
      r.add('length', `\`${JSON.stringify(i.length)}\` is not a non-negative integer`, tf(FILE, 'resourceOpsgenieScheduleRotationCreate'));
    }
    objs(i.participants).forEach((p, k) => {
      const at = `participants[${k}]`;
      knownKeys(r, p, at, ['type', 'id'], pulumiSchema(`${TOKEN}.participants`));
      oneOf(r, p, at, 'type', ['user', 'team', 'escalation', 'none'], tf(FILE, 'validateScheduleRotationParticipantType'));
      // The expand sends only the id: a user, team or escalation without one is refused by the SDK.
      if (p.type !== 'none' && p.id === undefined)
        r.add(at, `a \`${String(p.type)}\` participant needs an \`id\``, sdk('og/entity', 'validateParticipants'));
    });
    validateTimeRestrictions(r, i);
    return r.out;
  },
  readBack(resource) {
    const i = resource.inputs as Obj;
    // Read: name, length, type, participant (id and type), time_restriction (only when the API has one),
    // start_date and end_date formatted with the layout 2006-01-02T15:04:05Z from the API's instants.
    const reformat = (v: Value | undefined): Value | undefined => {
      if (typeof v !== 'string') return v;
      const d = parseGoZ(v) ?? (Number.isNaN(Date.parse(v)) ? undefined : new Date(Date.parse(v)));
      return d ? formatGoZ(d) : v;
    };
    return defined({
      scheduleId: i.scheduleId,
      name: unsetLike(i.name, i.name ?? ''),
      // Create sends `length` only when non-zero; the API's default is 1 (schema: "default value 1").
      length: i.length === undefined || i.length === 0 ? 1 : i.length,
      type: i.type,
      startDate: reformat(i.startDate),
      endDate: reformat(i.endDate),
      participants: objs(i.participants).map((p) => defined({ type: p.type, id: unsetLike(p.id, p.id ?? '') })),
      timeRestrictions: i.timeRestrictions === undefined ? undefined : readTimeRestrictions(i.timeRestrictions),
    });
  },
  computed: [],
  // #resourceOpsgenieScheduleRotation: no field is ForceNew; schedule_id is Required only (a change plans an update).
  forceNew: [],
};
