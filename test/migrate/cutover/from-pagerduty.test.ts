import { cutoverSuite } from './cutover';

cutoverSuite('pagerduty', ['acme', 'bookshop', 'managed-services', 'sre-team']);
