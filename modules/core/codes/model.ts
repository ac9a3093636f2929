/** Codes of the model: references, values, rotations, the schedule, escalation and routing, alerts and phone lines. */
import { codeGroup } from './define';

export const REF_CODES = codeGroup('References and ids (`ref/…`, `id/…`)', {
  'ref/unknown-person': { severity: 'error', summary: 'a person id not in `org.yaml` `people`' },
  'ref/unknown-rotation': { severity: 'error', summary: 'a rotation id not defined in the squad (or in the named squad)' },
  'ref/unknown-team': { severity: 'error', summary: 'a squad id with no folder' },
  'ref/unknown-escalation': { severity: 'error', summary: 'an escalation policy id not defined in the squad' },
  'ref/unknown-service': { severity: 'error', summary: 'a service id not defined in the squad' },
  'ref/duplicate-id': { severity: 'error', summary: 'an alert or service id defined twice in the organisation (reported at both places)' },
  'ref/missing-runbook': { severity: 'error', summary: 'a runbook path that does not exist in the squad folder' },
  'ref/runbook-outside': { severity: 'error', summary: 'a runbook path outside the squad folder' },
  'ref/runbook-not-markdown': { severity: 'error', summary: 'a runbook file that is not `.md`' },
  'ref/no-manager': { severity: 'error', summary: '`manager` notified but the squad has none' },
  'ref/no-rotation': { severity: 'error', summary: '`on-call` notified but the squad has no rotation' },
  'id/name-clash': {
    severity: 'error',
    summary:
      'two objects whose ids, joined with `-`, name the same resource (squad `a-b` + rotation `c` and squad `a` + rotation `b-c`): rename one',
  },
});

export const VALUE_CODES = codeGroup('Values (`value/…`, `time/…`)', {
  'value/invalid-zone': {
    severity: 'error',
    summary:
      'not an IANA time zone, or one spelt in another case (`EUROPE/PARIS`: the backends need `Europe/Paris`, which the suggestion gives)',
  },
  'value/invalid-phone': { severity: 'error', summary: 'not a valid E.164 number (the number is masked in the message)' },
  'value/invalid-url': { severity: 'error', summary: 'a URL that cannot be parsed or has no host' },
  'value/invalid-date': {
    severity: 'error',
    summary: 'a date that does not exist (2026-02-30), or a year outside 1970–9999 (`0026` would be read as 1926)',
  },
  'value/invalid-datetime': {
    severity: 'error',
    summary: 'a date and time that does not exist, a year outside 1970–9999, or an offset beyond ±14:00 (`+24:00`)',
  },
  'value/duration-not-positive': { severity: 'error', summary: 'a zero duration where a positive one is needed' },
  'value/duration-too-short': { severity: 'error', summary: 'shorter than the minimum of that field (30 s for checks, 1 min for windows)' },
  'value/duration-too-long': { severity: 'error', summary: 'longer than the maximum of that field' },
  'value/empty-window': { severity: 'error', summary: 'a window whose start equals its end' },
  'time/nonexistent-local-time': {
    severity: 'warning',
    summary: 'a local time skipped by a daylight-saving change; the message says how it is read',
  },
});

export const ROTATION_CODES = codeGroup('Rotations, overrides, swaps, unavailability', {
  'rotation/invalid-turn': {
    severity: 'error',
    summary: 'a turn that is not a whole number of hours, days or weeks, or longer than a year',
  },
  'rotation/start-not-handoff-day': { severity: 'error', summary: 'a weekly rotation starting on another day than its handoff day' },
  'rotation/handoff-day': { severity: 'error', summary: 'a handoff day on a rotation whose turns are not weeks' },
  'rotation/follows-conflict': { severity: 'error', summary: 'a following rotation also sets what it takes from the followed one' },
  'rotation/follow-cycle': { severity: 'error', summary: 'rotations that follow each other in a circle' },
  'rotation/offset-without-follows': { severity: 'error', summary: '`offset` without `follows`' },
  'rotation/change-order': { severity: 'error', summary: 'roster changes not in date order, or before the start' },
  'rotation/hourly-dst': {
    severity: 'warning',
    summary: 'hour turns in a zone that changes clocks: backends do not document hour turns across a change',
  },
  'rotation/not-in-squad': { severity: 'warning', summary: "a rotation member who is not in the squad's `members`" },
  'override/end-before-start': { severity: 'error', summary: 'an override that ends before it starts' },
  'override/overlap': { severity: 'error', summary: 'two overrides of one rotation that overlap' },
  'swap/same-person': { severity: 'error', summary: 'a swap between a person and themselves' },
  'override/replaces-self': { severity: 'error', summary: 'an override whose `replaces` is its own `person`' },
  'swap/same-shift': { severity: 'error', summary: 'a swap of a shift or day with itself, or of two spans that overlap' },
  'swap/end-before-start': { severity: 'error', summary: 'a swapped span that ends before it starts' },
  'swap/overlap': { severity: 'error', summary: 'two day or span swaps of one rotation exchanging the same time' },
  'unavailable/end-before-start': { severity: 'error', summary: 'an unavailability whose `to` is before its `from`' },
});

export const SCHEDULE_CODES = codeGroup(
  'Schedule (checked once the YAML itself is valid)',
  {
    'schedule/unavailable-on-call': {
      severity: 'error',
      summary:
        'a person is on call (after swaps and overrides) while unavailable; names the rotation and dates and suggests a swap partner who is free then and due later',
    },
    'swap/no-shift': { severity: 'error', summary: 'no shift of the rotation starts on a date the swap names' },
    'swap/not-due': { severity: 'error', summary: 'the person named for a swapped shift is no longer the one due (the roster changed)' },
    'swap/not-on-call': {
      severity: 'error',
      summary:
        'a person gives a day or span of a swap they are not on call for, all of it (the roster changed, or the dates are wrong); says who is on call then and suggests a fix',
    },
    'override/not-replacing': {
      severity: 'error',
      summary: 'the person an override `replaces` is not on call (after swaps) for all of it; says who is, and suggests a fix',
    },
    'override/several-people': {
      severity: 'warning',
      summary:
        'an override without `replaces`, not yet over, covers the turns of several people: a roster change can move it onto someone else; split it, one per person replaced, with `replaces`',
    },
    'coverage/gap': {
      severity: 'error',
      summary:
        "hours in a squad's promise with nobody on call: routing sends alerts to a rotation that does not cover them, or a rotation's own coverage has nobody. When every service of the squad states a promise, only the hours they promise count, and the message names the service",
    },
    'coverage/not-started': { severity: 'warning', summary: 'the same, only because a rotation starts later' },
    'fairness/overloaded': {
      severity: 'warning',
      summary:
        'someone carries more than `fairness.maxAboveMean` percent above the mean on-call hours of their rotation, over whole cycles covering 8 weeks',
    },
  },
  'These run on the computed shifts. Unavailability is checked whatever its dates; coverage and fairness over\nthe next 8 weeks (`ONCALL_NOW` fixes "now" for reproducible runs).',
);

export const ESCALATION_CODES = codeGroup('Escalation and routing', {
  'escalation/step-order': { severity: 'error', summary: "a step's `after` is not later than the previous step's" },
  'escalation/whole-minutes': { severity: 'error', summary: 'a delay that is not whole minutes' },
  'escalation/first-step-delayed': { severity: 'warning', summary: 'nobody is notified at first' },
  'escalation/after-response-target': { severity: 'warning', summary: 'the last step starts after the response target' },
  'escalation/same-person-twice': {
    severity: 'warning',
    summary:
      'one person holds two levels of one escalation policy at the same time (primary and secondary the same week): nobody else is called when they do not answer',
  },
  'routing/no-rotation': {
    severity: 'error',
    summary:
      'no `routing` and no rotation to route to: the squad has none of its own and its policy names none, so its alerts would page nobody',
  },
  'routing/ambiguous': { severity: 'error', summary: 'several policies and no `routing` to choose' },
  'routing/missing-escalation': { severity: 'error', summary: 'a routing rule that must name its policy' },
  'routing/no-catch-all': { severity: 'error', summary: 'the last routing rule has a `during`' },
  'routing/unreachable': { severity: 'error', summary: 'a rule without `during` before other rules' },
});

export const ALERT_CODES = codeGroup('Alerts, services, people, phone lines', {
  'alert/field-not-for-kind': { severity: 'error', summary: 'a field of another kind of alert (`every` on a metric alert…)' },
  'alert/missing-service': { severity: 'error', summary: 'no `service`, and the squad has none or several' },
  'alert/query-shape': {
    severity: 'error',
    summary:
      'a `query` that is not what its kind expects: a full Datadog monitor query (`logs(…)…`, `avg(last_5m):…`, `….last(3).count_by_status()`) where only the search, metric or check is written, a log alert looking back over 48 hours, or a service-check threshold that does not count check runs (`>= 3`)',
  },
  'service/duplicate-status-name': { severity: 'error', summary: 'two services with the same status-page name' },
  'service/no-escalation': {
    severity: 'error',
    summary: 'a service states a promise but no policy pages for it: the squad has none, or several and the service names none',
  },
  'service/response-target': {
    severity: 'error',
    summary:
      "a service promises a response faster than its policy: the policy's `responseTarget` is longer, or its last step starts at or after the promised time",
  },
  'service/retired-escalation': { severity: 'error', summary: 'a service is paged by a retired escalation policy' },
  'person/duplicate-email': { severity: 'error', summary: 'two people with the same e-mail' },
  'person/notify-no-phone': { severity: 'error', summary: '`call` or `sms` in `notify` for a person without `phone`' },
  'person/notify-no-device': {
    severity: 'error',
    summary: "`push` in `notify` for a person without `pushDevice` (the name the backend's app registered their phone under)",
  },
  'person/notify-delay': { severity: 'error', summary: 'a `notify` delay that is not a whole number of minutes' },
  'person/notify-duplicate': { severity: 'warning', summary: 'the same method at the same delay twice in one urgency' },
  'person/notify-not-at-once': {
    severity: 'warning',
    summary: 'high-urgency `notify` reaches the person by nothing at once: the first minutes of a page go unnoticed',
  },
  'holiday/duplicate': { severity: 'warning', summary: 'a holiday listed twice' },
  'holiday/unknown-country': { severity: 'error', summary: 'a `holidays.country` the holiday library does not know' },
  'holiday/unknown-region': { severity: 'error', summary: 'a `holidays.region` the holiday library does not know for the country' },
  'holiday/none': { severity: 'warning', summary: '`holidays.offHours` with no country and no dated holiday' },
  'phone/no-router': { severity: 'error', summary: 'a phone line with no router URL' },
  'phone/no-fallback': { severity: 'warning', summary: 'a phone line with no fallback router' },
  'phone/same-host': { severity: 'error', summary: 'the fallback router is the primary' },
  'phone/no-rotation': { severity: 'error', summary: 'a phone line in a squad without rotation' },
  'phone/duplicate-number': { severity: 'error', summary: 'two squads with the same line' },
  'phone/is-a-person': { severity: 'error', summary: "the line's number is also a person's phone" },
  'phone/unknown-language': { severity: 'error', summary: "a phone `language` that is not one of Twilio's `<Say>` languages" },
  'phone/no-texts': { severity: 'error', summary: 'a phone `language` the router has no texts in (it speaks English and French)' },
  'phone/unknown-voice': { severity: 'error', summary: "a phone `voice` that is not one of Twilio's `<Say>` voices" },
  'phone/voice-language': { severity: 'error', summary: "a Google voice made for another language than the line's" },
  'phone/too-many-at-once': {
    severity: 'error',
    summary: 'an escalation step of a squad with a phone line that names more than ten people (Twilio rings at most ten at once)',
  },
});
