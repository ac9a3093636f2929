import * as pulumi from '@pulumi/pulumi';
import { OPSGENIE } from '../../backends/opsgenie/resources';
import { opsgenieOptions } from './version';

export interface ScheduleArgs {
  name?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Default America/New_York. */
  timezone?: pulumi.Input<string>;
  ownerTeamId?: pulumi.Input<string>;
  enabled?: pulumi.Input<boolean>;
}

export class Schedule extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.schedule.type;

  constructor(name: string, args: ScheduleArgs, opts?: pulumi.CustomResourceOptions) {
    super(Schedule.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}

export interface TimeOfDay {
  startHour: pulumi.Input<number>;
  startMin: pulumi.Input<number>;
  endHour: pulumi.Input<number>;
  endMin: pulumi.Input<number>;
}
export interface WeekdayAndTimeOfDay extends TimeOfDay {
  startDay: pulumi.Input<string>;
  endDay: pulumi.Input<string>;
}

export interface ScheduleRotationTimeRestriction {
  /**
   * `time-of-day` (with one `restriction`) or `weekday-and-time-of-day` (with `restrictionList`): Pulumi keeps
   * the Terraform name `restriction` and renames `restrictions` to `restrictionList` (resources.go).
   */
  type: pulumi.Input<string>;
  restriction?: pulumi.Input<pulumi.Input<TimeOfDay>[]>;
  restrictionList?: pulumi.Input<pulumi.Input<WeekdayAndTimeOfDay>[]>;
}

export interface ScheduleRotationArgs {
  scheduleId: pulumi.Input<string>;
  name?: pulumi.Input<string>;
  /** `daily`, `weekly` or `hourly`. */
  type: pulumi.Input<string>;
  /** Default 1. */
  length?: pulumi.Input<number>;
  /** UTC with a literal Z, `2006-01-02T15:04:05Z` (Go layout of util.go validateDateWithMinutes); minutes 0 or 30. */
  startDate: pulumi.Input<string>;
  endDate?: pulumi.Input<string>;
  participants: pulumi.Input<pulumi.Input<{ type: pulumi.Input<string>; id?: pulumi.Input<string> }>[]>;
  timeRestrictions?: pulumi.Input<pulumi.Input<ScheduleRotationTimeRestriction>[]>;
}

export class ScheduleRotation extends pulumi.CustomResource {
  static readonly __pulumiType = OPSGENIE.rotation.type;

  constructor(name: string, args: ScheduleRotationArgs, opts?: pulumi.CustomResourceOptions) {
    super(ScheduleRotation.__pulumiType, name, { ...args }, opsgenieOptions(opts));
  }
}
