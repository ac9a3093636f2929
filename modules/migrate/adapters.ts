/** The account adapters by backend: one module per backend under modules/migrate/<backend>/. */
import type { AccountAdapter } from './account';

export const ADAPTERS: readonly AccountAdapter[] = [];
