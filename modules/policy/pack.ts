/** The policy pack itself (run by `pulumi preview --policy-pack policy`). */
import { PolicyPack } from '@pulumi/policy';
import { policies } from './policies';

new PolicyPack('oncall-as-code', { policies });
