/**
 * `timeRestrictions` of schedule rotations and team routing rules: one schema (commonschema.go
 * timeRestrictionSchema), one expand (util.go expandOpsGenieTimeRestriction) and one flatten
 * (util.go flattenOpsgenieTimeRestriction) for both.
 */
import type { Value } from '../../../modules/render/desired';
import { asObj, asSet, defined, intBetween, knownKeys, list, maxItems, objs, oneOf, Report, required, type Obj } from './checks';
import { pulumiNames, sdk, tf } from './sources';

const SCHEMA = tf('commonschema', 'timeRestrictionSchema');
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const NAMES = pulumiNames('time_restriction');
const TIME_FIELDS = ['startHour', 'startMin', 'endHour', 'endMin'] as const;

function times(r: Report, o: Obj, base: string): void {
  for (const key of TIME_FIELDS) required(r, o, base, key, SCHEMA);
  intBetween(r, o, base, 'startHour', 0, 23, SCHEMA);
  intBetween(r, o, base, 'endHour', 0, 23, SCHEMA);
  intBetween(r, o, base, 'startMin', 0, 59, SCHEMA);
  intBetween(r, o, base, 'endMin', 0, 59, SCHEMA);
}

export function validateTimeRestrictions(r: Report, inputs: Obj, key = 'timeRestrictions'): void {
  maxItems(r, inputs, '', key, 1, SCHEMA);
  objs(inputs[key]).forEach((tr, i) => {
    const base = `${key}[${i}]`;
    // resources.go keeps `restriction` (time-of-day) and renames `restrictions` (weekdays) to `restrictionList`.
    knownKeys(r, tr, base, ['type', 'restriction', 'restrictionList'], NAMES);
    required(r, tr, base, 'type', SCHEMA);
    oneOf(r, tr, base, 'type', ['time-of-day', 'weekday-and-time-of-day'], SCHEMA, false);
    const single = list(tr.restriction);
    const many = list(tr.restrictionList);
    if (single.length > 0 && many.length > 0) r.add(base, '`restriction` and `restrictionList` conflict (ConflictsWith)', SCHEMA);
    maxItems(r, tr, base, 'restriction', 1, SCHEMA);
    objs(tr.restriction).forEach((x, j) => {
      knownKeys(r, x, `${base}.restriction[${j}]`, [...TIME_FIELDS], NAMES);
      times(r, x, `${base}.restriction[${j}]`);
    });
    objs(tr.restrictionList).forEach((x, j) => {
      const at = `${base}.restrictionList[${j}]`;
      knownKeys(r, x, at, ['startDay', 'endDay', ...TIME_FIELDS], NAMES);
      required(r, x, at, 'startDay', SCHEMA);
      required(r, x, at, 'endDay', SCHEMA);
      oneOf(r, x, at, 'startDay', DAYS, SCHEMA, false);
      oneOf(r, x, at, 'endDay', DAYS, SCHEMA, false);
      times(r, x, at);
    });
    // The SDK refuses a restriction of the other shape than its type (og.ValidateRestrictions): the expand sends
    // `restrictionList` whenever it is set, else the `restriction`.
    const validate = sdk('og/entity', 'ValidateRestrictions');
    if (tr.type === 'weekday-and-time-of-day' && many.length === 0)
      r.add(base, '`weekday-and-time-of-day` needs a non-empty `restrictionList`', validate);
    if (tr.type === 'time-of-day' && (many.length > 0 || single.length === 0))
      r.add(base, '`time-of-day` needs one `restriction` (startHour, startMin, endHour, endMin) and no `restrictionList`', validate);
  });
}

/** The API rounds restriction minutes to 0 or 30 ("converted nearest 0 or 30 automatically"). */
function rounded(o: Obj): Record<string, Value> {
  const out: Record<string, Value> = { ...o };
  for (const [h, m] of [
    ['startHour', 'startMin'],
    ['endHour', 'endMin'],
  ] as const) {
    const minute = o[m];
    const hour = o[h];
    if (typeof minute !== 'number' || typeof hour !== 'number') continue;
    const total = hour * 60 + Math.round(minute / 30) * 30;
    out[h] = Math.floor(total / 60) % 24;
    out[m] = total % 60;
  }
  return out;
}

/**
 * What Read sets back: the expand sends `restrictionList` when it has members, else the last `restriction`;
 * the flatten returns `restrictionList` when the API has a list, else one `restriction`; minutes rounded by
 * the API (sdk og/entity.go validateRestriction); restrictionList is a set (order-free).
 */
export function readTimeRestrictions(input: Value | undefined): Value[] {
  const out: Value[] = [];
  for (const v of list(input)) {
    const tr = asObj(v);
    if (!tr) return list(input) as Value[];
    const many = objs(tr.restrictionList);
    if (many.length > 0) {
      const read = many.map((x) => rounded(x));
      out.push(defined({ type: tr.type, restrictionList: asSet(list(tr.restrictionList), read) }));
    } else {
      const last = objs(tr.restriction).at(-1);
      const zero = { startHour: 0, startMin: 0, endHour: 0, endMin: 0 };
      out.push(defined({ type: tr.type, restriction: [last ? rounded({ ...zero, ...last }) : zero] }));
    }
  }
  // Read keeps one element (MaxItems 1); the expand folds every element into one request, the last type winning.
  return out.slice(-1);
}
