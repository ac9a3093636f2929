import { cutoverSuite } from './cutover';

cutoverSuite('datadog', ['acme', 'bookshop', 'managed-services', 'sre-team']);
