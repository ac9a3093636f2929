import { cutoverSuite } from './cutover';

cutoverSuite('opsgenie', ['acme', 'bookshop', 'managed-services', 'sre-team']);
