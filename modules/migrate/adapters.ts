/** The account adapters by backend: one module per backend under modules/migrate/<backend>/. */
import type { AccountAdapter } from './account';
import { datadogOnCallAdapter } from './datadog-oncall/adapter';

export const ADAPTERS: readonly AccountAdapter[] = [datadogOnCallAdapter];
