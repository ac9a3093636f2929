/**
 * GENERATED FILE, do not edit: the types of the YAML files, generated from the JSON Schemas
 * (modules/spec/schema/*.ts, written to schemas/*.schema.json) by json-schema-to-typescript, through
 * `npm run schemas` (modules/spec/generate-spec-types.ts). modules/spec/types.ts names them for the code.
 */

/**
 * a line of text
 */
export type Text = string;
/**
 * an IANA time zone such as `Europe/Paris`
 */
export type Timezone = string;
/**
 * a duration such as `30m`, `1h`, `1h30m`, `2w` (units w, d, h, m, s)
 */
export type Duration = string;
/**
 * when shifts change hands: a time (`09:00`) or a weekday and a time (`monday 09:00`)
 */
export type Handoff = string;
/**
 * days of the week: a list (`[saturday, sunday]`), a range (`monday-friday`), one day, `weekdays`, `weekend` or `every-day`
 */
export type Days = [Weekday, ...Weekday[]] | string;
/**
 * a day of the week, `monday` … `sunday`
 */
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
/**
 * a time of day, HH:MM from 00:00 to 23:59 (e.g. `09:00`)
 */
export type Time = string;
/**
 * a time of day, HH:MM from 00:00 to 24:00 (e.g. `18:00`)
 */
export type EndTime = string;
/**
 * the contact methods of one urgency, each at once or after a delay
 *
 * @minItems 1
 */
export type NotifyRules = [NotifyRule, ...NotifyRule[]];
/**
 * a contact method at once (`sms`), or after a delay since the page in whole minutes (`{ sms: 5m }`)
 */
export type NotifyRule =
  | NotifyMethod
  | (
      | {
          /**
           * call after this delay since the page
           */
          call: Duration;
        }
      | {
          /**
           * sms after this delay since the page
           */
          sms: Duration;
        }
      | {
          /**
           * push after this delay since the page
           */
          push: Duration;
        }
      | {
          /**
           * email after this delay since the page
           */
          email: Duration;
        }
    );
/**
 * `call` and `sms` use the person's `phone`, `push` their `pushDevice`, `email` their `email`
 */
export type NotifyMethod = 'call' | 'sms' | 'push' | 'email';
/**
 * an http(s) URL
 */
export type Url = string;
/**
 * an e-mail address
 */
export type Email = string;
/**
 * a phone number in E.164 form, `+` then digits only (e.g. `+33639980101`)
 */
export type Phone = string;
/**
 * an ISO date, YYYY-MM-DD (e.g. `2026-01-05`)
 */
export type Date = string;
/**
 * a severity, `P1` (most urgent) to `P5`
 */
export type Severity = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
/**
 * `error`, `warning` or `off`
 */
export type CheckSeverity = 'error' | 'warning' | 'off';
/**
 * an id: lowercase letters, digits and single dashes, starting with a letter (e.g. `storefront`, `api-errors`)
 */
export type Id = string;
/**
 * when a rotation is on duty: `always` (24/7), `business-hours`, `off-hours`, or a list of weekly windows
 */
export type Coverage = ('always' | 'business-hours' | 'off-hours') | [Window, ...Window[]];
/**
 * a date and time, `YYYY-MM-DD HH:MM` in the rotation's zone, or with an offset (`2026-12-24T18:00+01:00`)
 */
export type DateTime = string;
/**
 * marks an object as deliberately removed: the plan may delete what it provisioned
 */
export type Retired = boolean;
/**
 * `on-call` (the rotation the routing chose), `manager` (the squad's manager), `{rotation: id}` or `{person: id}`
 */
export type Target =
  | ('on-call' | 'manager')
  | (
      | {
          rotation: RotationRef;
        }
      | {
          person: Id;
        }
    );
/**
 * a rotation of this squad (`oncall`) or of another squad (`platform/primary`)
 */
export type RotationRef = string;
/**
 * a tag, `key:value` or a bare word
 */
export type Tag = string;

/**
 * each file kind and the type of its contents
 */
export interface SpecFiles {
  org: OrgFile;
  team: TeamFile;
  alerts: AlertsFile;
}
/**
 * teams/org.yaml: the people directory, organisation defaults, public holidays and readiness settings
 */
export interface OrgFile {
  /**
   * the organisation's name
   */
  name: Text;
  /**
   * values used wherever a team file leaves them out
   */
  defaults?: {
    /**
     * zone of rotations and people; default `UTC`
     */
    timezone?: Timezone;
    /**
     * turn length of rotations; default `1w`
     */
    every?: Duration;
    /**
     * handoff of rotations; default `monday 09:00`
     */
    handoff?: Handoff;
    /**
     * the organisation's business hours, in each rotation's zone; default Monday–Friday 09:00–18:00
     */
    businessHours?: Window;
    /**
     * time within which someone must be working on a page; default `1h`
     */
    responseTarget?: Duration;
    /**
     * how people without a `notify` of their own are reached; default: none (the backend's rules for each user are left as they are)
     */
    notify?: Notify;
  };
  /**
   * the router hosts every squad's phone line points at, and how the lines speak, unless the squad says otherwise
   */
  phone?: {
    /**
     * primary router base URL (first host)
     */
    router?: Url;
    /**
     * fallback router base URL (second, independent host)
     */
    fallback?: Url;
    /**
     * what the line says is spoken in this language, one of Twilio's `<Say>` languages (`fr-FR`, `en-GB`…); the router has its texts in English (`en-*`) and French (`fr-*`); default `en-GB`
     */
    language?: string;
    /**
     * the `<Say>` voice: `man`, `woman`, `alice`, a Twilio Amazon Polly voice (`Polly.Lea`) or Google voice (`Google.fr-FR-Standard-A`); default Twilio's own for the language
     */
    voice?: string;
    /**
     * the number shown to the person rung: `line` (the squad's number) or `caller` (the number that called the line, or the line's when the caller's is withheld); default `line`
     */
    callerId?: 'caller' | 'line';
  };
  /**
   * everyone who appears in a squad, rotation or escalation, by id
   */
  people: {
    [k: string]: Person;
  };
  /**
   * public holidays: a list of dated holidays, or a country (and region) with `extra` dates and `offHours`
   */
  holidays?: Holiday[] | HolidayCalendar;
  /**
   * the customer-facing status page: one component per service with a `statusPage` name
   */
  statusPage?: {
    /**
     * default: the organisation's name
     */
    name?: Text;
    /**
     * the page's address prefix; default: the organisation's name in lowercase
     */
    domainPrefix?: string;
    /**
     * default `public`
     */
    type?: 'public' | 'internal';
  };
  /**
   * production-readiness settings for alerts
   */
  readiness?: {
    /**
     * headings a markdown runbook must have; default `Trigger`, `Resolution`, `Expected time`
     */
    runbookSections?: Text[];
    /**
     * where the markdown runbooks of teams/ are browsed (`https://git.example/oncall/blob/main/teams/`); alert messages link there
     */
    runbookBaseUrl?: Url;
    /**
     * severities that page a person; default P1, P2 and P3
     */
    pagingSeverities?: Severity[];
    /**
     * severity of each readiness check by name (`alert/runbook: warning`), or `off`
     */
    checks?: {
      [k: string]: CheckSeverity;
    };
  };
  /**
   * on-call load balance
   */
  fairness?: {
    /**
     * warn when a person carries more than this percentage above the squad's mean on-call hours; default 50
     */
    maxAboveMean?: number;
  };
  /**
   * operations reports read from the paging backend (`oncall report incidents`, `oncall readiness` with a history)
   */
  reports?: {
    /**
     * how intervention hours are counted for the person who acknowledged a page: from the acknowledgement (default) or from the page, to its resolution
     */
    intervention?: 'acknowledge-to-resolve' | 'page-to-resolve';
    /**
     * an alert that pages more than `pages` times in `days` days is noisy (`alert/noisy`); default 10 in 30
     */
    noisy?: {
      /**
       * pages allowed in the window; default 10
       */
      pages?: number;
      /**
       * length of the window in days, up to now; default 30
       */
      days?: number;
    };
  };
}
/**
 * a weekly window: `days`, `from` and `to` (`to` at or before `from` ends the next day)
 */
export interface Window {
  days: Days;
  from: Time;
  to: EndTime;
}
/**
 * contact methods per urgency. Each entry is a method (`call`, `sms`, `push`, `email`) at once, or `{ method: delay }` after that delay since the page (`{ push: 10m }`)
 */
export interface Notify {
  /**
   * high-urgency pages (every page on Opsgenie)
   */
  high?: NotifyRules;
  /**
   * low-urgency pages (routing `urgency: low`)
   */
  low?: NotifyRules;
}
/**
 * a person who can be on call, manage a squad or be notified
 */
export interface Person {
  /**
   * full name
   */
  name: Text;
  /**
   * work e-mail; backends find the user by it, so it is unique
   */
  email: Email;
  /**
   * the person's zone; default: `defaults.timezone`
   */
  timezone?: Timezone;
  /**
   * sensitive: used only to ring the person (router, provider user); masked in every other output. May instead come from the router's secrets file
   */
  phone?: Phone;
  /**
   * how the person is reached when paged, per urgency; default `defaults.notify`, else the backend's rules for the user are left as they are
   */
  notify?: Notify;
  /**
   * the name the backend's mobile app gave the person's phone when they signed in on it (e.g. `Pixel 8`): `push` rules point at that device, which only the app can register
   */
  pushDevice?: Text;
}
/**
 * a dated holiday: reported in rosters and compensation; non-business hours where `offHours` is on
 */
export interface Holiday {
  /**
   * the day
   */
  date: Date;
  /**
   * its name
   */
  name: Text;
}
/**
 * the organisation's public holidays: a country's (and region's) from the `date-holidays` library, plus dated ones
 */
export interface HolidayCalendar {
  /**
   * ISO 3166-1 country code (`FR`, `DE`, `US`): its public holidays, every year
   */
  country?: string;
  /**
   * the country's state or region as `date-holidays` names it (`67` for Bas-Rhin, `BY` for Bavaria): its holidays too
   */
  region?: string;
  /**
   * more holidays, by date
   */
  extra?: Holiday[];
  /**
   * public holidays are non-business hours, all day in the zone each window is read in: `business-hours` windows are empty and `off-hours` windows cover the whole day (rotation coverage, routing `during`, promises); custom windows are unchanged. Default `false`: holidays are only reported
   */
  offHours?: boolean;
}
/**
 * teams/<squad>/team.yaml: a squad, its rotations, escalation, routing, services, alerts and phone line
 */
export interface TeamFile {
  /**
   * the squad's display name; its id is its folder name
   */
  name: Text;
  /**
   * what the squad looks after
   */
  description?: string;
  /**
   * the squad's manager, a person id; `manager` in escalations
   */
  manager?: Id;
  /**
   * the people of the squad
   *
   * @minItems 1
   */
  members: [Id, ...Id[]];
  /**
   * rotations by id; with several, they are the layers of the squad's on-call (primary, secondary…)
   */
  rotations?: {
    /**
     * people taking turns to be on call
     */
    [k: string]: {
      /**
       * display name; default: the id
       */
      name?: Text;
      /**
       * the order of turns
       *
       * @minItems 1
       */
      members?: [Id, ...Id[]];
      /**
       * the date of the first member's first handoff
       */
      start?: Date;
      /**
       * turn length in hours, days or weeks; default `defaults.every`
       */
      every?: Duration;
      /**
       * default `defaults.handoff`
       */
      handoff?: Handoff;
      /**
       * default `defaults.timezone`
       */
      timezone?: Timezone;
      /**
       * default `always`
       */
      coverage?: Coverage;
      /**
       * copy members, start, turn, handoff, zone and coverage from another rotation of the squad
       */
      follows?: Id;
      /**
       * with `follows`: turns ahead; default 1
       */
      offset?: number;
      /**
       * later orders of members; who is on call before each change is unchanged
       */
      changes?: {
        /**
         * the new order applies from the first handoff on or after this date
         */
        from: Date;
        /**
         * the new order of turns
         *
         * @minItems 1
         */
        members: [Id, ...Id[]];
      }[];
      /**
       * dated replacements of whoever is due
       */
      overrides?: {
        /**
         * who is on call instead
         */
        person: Id;
        /**
         * from (inclusive), in the rotation's zone unless an offset is given
         */
        start: DateTime;
        /**
         * until (exclusive)
         */
        end: DateTime;
        /**
         * whom it replaces: checked to be on call (after swaps) for the whole override, so a roster change cannot move it silently
         */
        replaces?: Id;
        /**
         * why, shown in the roster and calendars
         */
        reason?: Text;
      }[];
      /**
       * whole shifts, days or spans of hours exchanged between two people
       */
      swaps?: {
        /**
         * the two people, `[a, b]`
         *
         * @minItems 2
         * @maxItems 2
         */
        between: [Id, Id];
        /**
         * whole turns: start dates of a's shift and of b's shift
         *
         * @minItems 2
         * @maxItems 2
         */
        shifts?: [Date, Date];
        /**
         * a's day and b's day; a day runs from the handoff time on that date to the handoff time the next day
         *
         * @minItems 2
         * @maxItems 2
         */
        days?: [Date, Date];
        /**
         * a's span and b's span, `{ start, end }` each; they may differ in length
         *
         * @minItems 2
         * @maxItems 2
         */
        spans?: [
          {
            /**
             * from (inclusive), in the rotation's zone unless an offset is given
             */
            start: DateTime;
            /**
             * until (exclusive)
             */
            end: DateTime;
          },
          {
            /**
             * from (inclusive), in the rotation's zone unless an offset is given
             */
            start: DateTime;
            /**
             * until (exclusive)
             */
            end: DateTime;
          },
        ];
        /**
         * why, shown in the roster and in the calendar of whoever takes the time
         */
        reason?: Text;
      }[];
      retired?: Retired;
    };
  };
  /**
   * escalation policies by id
   */
  escalations?: {
    /**
     * who is notified, in order, until someone acknowledges
     */
    [k: string]: {
      /**
       * display name; default: the id
       */
      name?: Text;
      /**
       * default `defaults.responseTarget`
       */
      responseTarget?: Duration;
      /**
       * times the whole chain runs again; default 0
       */
      repeat?: number;
      /**
       * in order of `after`
       *
       * @minItems 1
       */
      steps: [
        {
          /**
           * time since the alert; default `0m`
           */
          after?: Duration;
          /**
           * one target or a list of targets notified together
           */
          notify: Target | [Target, ...Target[]];
        },
        ...{
          /**
           * time since the alert; default `0m`
           */
          after?: Duration;
          /**
           * one target or a list of targets notified together
           */
          notify: Target | [Target, ...Target[]];
        }[],
      ];
      retired?: Retired;
    };
  };
  /**
   * ordered rules; the first matching applies. Default: the squad's first rotation (with none of its own, the first rotation its policy names) and its only policy, always
   *
   * @minItems 1
   */
  routing?: [
    {
      /**
       * when this rule applies, in the rotation's zone; absent on the last rule
       */
      during?: Coverage;
      /**
       * the rotation `on-call` means under this rule: the squad's (`oncall`) or another squad's, such as a pool's (`technicians/primary`)
       */
      rotation: RotationRef;
      /**
       * default: the squad's only escalation policy
       */
      escalation?: Id;
      /**
       * default `high`
       */
      urgency?: 'high' | 'low';
    },
    ...{
      /**
       * when this rule applies, in the rotation's zone; absent on the last rule
       */
      during?: Coverage;
      /**
       * the rotation `on-call` means under this rule: the squad's (`oncall`) or another squad's, such as a pool's (`technicians/primary`)
       */
      rotation: RotationRef;
      /**
       * default: the squad's only escalation policy
       */
      escalation?: Id;
      /**
       * default `high`
       */
      urgency?: 'high' | 'low';
    }[],
  ];
  /**
   * services owned by the squad, by id (unique across the organisation)
   */
  services?: {
    /**
     * something the squad owns and watches
     */
    [k: string]: {
      /**
       * display name; default: the id
       */
      name?: Text;
      /**
       * what it is, for the catalog
       */
      description?: string;
      /**
       * the service's promise: when its alerts page (`always`, `business-hours`, `off-hours` or weekly windows, in `timezone`); default: as the squad's routing, 24/7
       */
      coverage?: Coverage;
      /**
       * zone in which `coverage` is read; default `defaults.timezone`
       */
      timezone?: Timezone;
      /**
       * the response time promised (GTI `1h`, `4h`); default: that of its `escalation` policy
       */
      responseTarget?: Duration;
      /**
       * the squad's escalation policy that pages for it; default: the squad's routing
       */
      escalation?: Id;
      /**
       * outside `coverage`: `none` (default) pages nobody, `low` pages at low urgency
       */
      outsideCoverage?: 'none' | 'low';
      /**
       * customer-facing: the component name on the status page, or `{name, group}`
       */
      statusPage?:
        | Text
        | {
            name: Text;
            group?: Text;
          };
      retired?: Retired;
    };
  };
  /**
   * alerts by id (ids are unique across the organisation)
   */
  alerts?: {
    [k: string]: Alert;
  };
  /**
   * the squad's on-call phone line: an existing Twilio number forwarded to whoever is on call
   */
  phone?: {
    /**
     * the Twilio number, E.164
     */
    number: Phone;
    /**
     * the Twilio number SID, when known
     */
    sid?: string;
    /**
     * primary router base URL; default `phone.router` of org.yaml
     */
    router?: Url;
    /**
     * fallback router base URL; default `phone.fallback` of org.yaml
     */
    fallback?: Url;
    /**
     * what the line says is spoken in this language, one of Twilio's `<Say>` languages (`fr-FR`, `en-GB`…); the router has its texts in English (`en-*`) and French (`fr-*`); default `phone.language` of org.yaml, else `en-GB`
     */
    language?: string;
    /**
     * the `<Say>` voice: `man`, `woman`, `alice`, a Twilio Amazon Polly voice (`Polly.Lea`) or Google voice (`Google.fr-FR-Standard-A`); default `phone.voice` of org.yaml, else Twilio's own for the language
     */
    voice?: string;
    /**
     * the number shown to the person rung: `line` (the squad's number) or `caller` (the number that called the line, or the line's when the caller's is withheld); default `phone.callerId` of org.yaml, else `line`
     */
    callerId?: 'caller' | 'line';
    retired?: Retired;
  };
  /**
   * ways alerts reach the squad besides monitors
   */
  intake?: {
    /**
     * alerts can also be raised by e-mail (customers, internal services); default false
     */
    email?: boolean;
  };
  /**
   * people of the squad away: being on call then is an error
   */
  unavailable?: {
    /**
     * who is away
     */
    person: Id;
    /**
     * first day away
     */
    from: Date;
    /**
     * last day away (inclusive)
     */
    to: Date;
    /**
     * shown in the roster
     */
    reason?: Text;
  }[];
  retired?: Retired;
}
/**
 * an alert: what is watched, how urgent it is, whom it pages and how to resolve it
 */
export interface Alert {
  /**
   * what is wrong, in words; the monitor name adds service and squad
   */
  title: Text;
  /**
   * the service it watches; default: the squad's only service
   */
  service?: Id;
  /**
   * P1 (most urgent) to P5; sets priority and, by default, whether it pages
   */
  severity: Severity;
  /**
   * what is watched
   */
  kind: 'metric' | 'log' | 'service-check' | 'http-check' | 'multistep-check' | 'slo';
  /**
   * a summary for the message and the catalog
   */
  description?: string;
  /**
   * what is watched, without window or comparison: a metric query (`metric`), a log search (`log`), a check name or `"check".over(…)` (`service-check`)
   */
  query?: string;
  /**
   * evaluation window of a `metric` or `log` alert (a log alert: 48h at most); default `5m`
   */
  window?: Duration;
  /**
   * when it triggers: `critical` and optionally `warning`, in the same direction
   */
  thresholds?: {
    /**
     * a comparison and a number, e.g. `> 5`, `>= 0.99`, `< 14`
     */
    critical: string;
    /**
     * a comparison and a number, e.g. `> 5`, `>= 0.99`, `< 14`
     */
    warning?: string;
  };
  /**
   * the request of an http-check
   */
  request?: {
    /**
     * default `GET`
     */
    method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
    url: Url;
    /**
     * request headers, `Name: value`
     */
    headers?: {
      [k: string]: string;
    };
    /**
     * request body
     */
    body?: string;
  };
  /**
   * what the response of an http-check must look like
   */
  expect?: {
    /**
     * default 200
     */
    status?: number;
    /**
     * text the body must contain
     */
    bodyContains?: string;
    /**
     * slowest acceptable answer
     */
    maxResponseTime?: Duration;
  };
  /**
   * the requests of a multistep-check, in order
   *
   * @minItems 1
   * @maxItems 20
   */
  steps?: [
    {
      /**
       * what this step does
       */
      name: Text;
      /**
       * an HTTP request
       */
      request: {
        /**
         * default `GET`
         */
        method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
        url: Url;
        /**
         * request headers, `Name: value`
         */
        headers?: {
          [k: string]: string;
        };
        /**
         * request body
         */
        body?: string;
      };
      /**
       * what the response must look like
       */
      expect?: {
        /**
         * default 200
         */
        status?: number;
        /**
         * text the body must contain
         */
        bodyContains?: string;
        /**
         * slowest acceptable answer
         */
        maxResponseTime?: Duration;
      };
      /**
       * variables taken from the JSON response for later steps: `name: $.json.path`
       */
      extract?: {
        [k: string]: string;
      };
    },
    ...{
      /**
       * what this step does
       */
      name: Text;
      /**
       * an HTTP request
       */
      request: {
        /**
         * default `GET`
         */
        method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
        url: Url;
        /**
         * request headers, `Name: value`
         */
        headers?: {
          [k: string]: string;
        };
        /**
         * request body
         */
        body?: string;
      };
      /**
       * what the response must look like
       */
      expect?: {
        /**
         * default 200
         */
        status?: number;
        /**
         * text the body must contain
         */
        bodyContains?: string;
        /**
         * slowest acceptable answer
         */
        maxResponseTime?: Duration;
      };
      /**
       * variables taken from the JSON response for later steps: `name: $.json.path`
       */
      extract?: {
        [k: string]: string;
      };
    }[],
  ];
  /**
   * check frequency; default `5m`
   */
  every?: Duration;
  /**
   * where checks run from (backend location names, such as `aws:eu-west-3`)
   */
  locations?: string[];
  /**
   * the objective of an `slo` alert
   */
  slo?: {
    /**
     * percent, e.g. 99.9
     */
    target: number;
    /**
     * default `30d`
     */
    window?: '7d' | '30d' | '90d';
    /**
     * query counting good events
     */
    good: string;
    /**
     * query counting all events
     */
    total: string;
  };
  /**
   * the operating procedure: a markdown file of the squad (`runbooks/x.md`) or an https URL
   */
  runbook?: string;
  /**
   * links put in the alert message
   */
  dashboards?: Url[];
  /**
   * extra tags; team, service, severity and id tags are added
   */
  tags?: Tag[];
  /**
   * whether it pages a person; default by severity (readiness.pagingSeverities)
   */
  page?: boolean;
  /**
   * escalation policy; default: the squad's routing
   */
  escalation?: Id;
  /**
   * extra notification handles such as `@slack-storefront`
   */
  notify?: string[];
  /**
   * renotify while unresolved
   */
  renotify?: Duration;
  /**
   * alert when there is no data for this long
   */
  noData?: Duration;
  /**
   * readiness findings accepted for this alert, each until a date
   */
  silence?: {
    /**
     * the readiness check, such as `alert/runbook`
     */
    check: string;
    /**
     * why it is acceptable for now
     */
    reason: Text;
    /**
     * the last day it is silenced
     */
    until: Date;
  }[];
  retired?: Retired;
}
/**
 * teams/<squad>/alerts/*.yaml: more alerts of the squad, for squads with many
 */
export interface AlertsFile {
  /**
   * alerts by id (ids are unique across the organisation)
   */
  alerts: {
    [k: string]: Alert;
  };
}
