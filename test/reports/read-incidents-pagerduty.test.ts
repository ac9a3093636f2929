import { describeReading } from './read-incidents-cases';

describeReading('pagerduty');
