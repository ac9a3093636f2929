import { describeReading } from './read-incidents-cases';

describeReading('datadog');
