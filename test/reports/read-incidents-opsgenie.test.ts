import { describeReading } from './read-incidents-cases';

describeReading('opsgenie');
