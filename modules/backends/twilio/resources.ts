/** The on-call phone line, registered by our dynamic provider (modules/pulumi/twilio/phone-line.ts). */
import { describeType } from '../descriptor';
import { phoneLine, summaryOf } from '../summary';

export const TWILIO = {
  /**
   * A number cannot be bought back: protected, guarded, and replaced only when it is another number (what the
   * `diff` of modules/pulumi/twilio/phone-line.ts replaces on).
   */
  phoneLine: describeType({
    type: 'pulumi-nodejs:dynamic/twilio:PhoneLine',
    kind: 'phone line',
    replaceOn: ['number', 'sid'],
    guarded: true,
    policy: { protect: true },
    registration: { package: 'dynamic', className: 'PhoneLine' },
    summary: summaryOf(phoneLine),
  }),
};
