import type { Context } from 'aws-lambda';
import { logger, metrics, tracer } from '#src/aws/powertools';

/**
 * The Powertools wiring every entry point shares, without middy: Lambda context on each log line,
 * cold-start annotation, metrics flushed and per-request log keys dropped after each invocation.
 */
export function lambdaHandler<E, R>(
  handle: (event: E, context: Context) => Promise<R>,
): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    logger.addContext(context);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      return await handle(event, context);
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}
