/** The account adapters by backend: one module per backend under modules/migrate/<backend>/. */
import type { AccountAdapter } from './account';
import { PAGERDUTY_ADAPTER } from './pagerduty/adapter';

export const ADAPTERS: readonly AccountAdapter[] = [PAGERDUTY_ADAPTER];
