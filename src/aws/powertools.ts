import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** Created once per process and imported everywhere, so every log line and metric carries the service. */
const serviceName = 'renewal-guard';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'RenewalGuard' });
export const tracer = new Tracer({ serviceName });
