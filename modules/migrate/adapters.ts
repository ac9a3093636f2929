/** The account adapters by backend: one module per backend under modules/migrate/<backend>/. */
import type { AccountAdapter } from './account';
import { datadogOnCallAdapter } from './datadog-oncall/adapter';
import { opsgenieAdapter } from './opsgenie';
import { PAGERDUTY_ADAPTER } from './pagerduty/adapter';
import { withSquadServices } from './squad-services';

export const ADAPTERS: readonly AccountAdapter[] = [
  PAGERDUTY_ADAPTER,
  withSquadServices(opsgenieAdapter),
  withSquadServices(datadogOnCallAdapter),
];
