/** The account adapters by backend: one module per backend under modules/migrate/<backend>/. */
import type { AccountAdapter } from './account';
import { datadogOnCallAdapter } from './datadog-oncall/adapter';
import { opsgenieAdapter } from './opsgenie';

export const ADAPTERS: readonly AccountAdapter[] = [opsgenieAdapter, datadogOnCallAdapter];
