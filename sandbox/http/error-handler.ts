import type { FastifyError, FastifyInstance } from 'fastify';
import { HubSpotError, notFound, validationError } from './errors.ts';

/**
 * Every error leaves in HubSpot's shape: refusals as thrown, body-parse failures as 400
 * VALIDATION_ERROR naming the problem, unknown routes as 404. Anything else is a sandbox bug,
 * logged and answered 500 in HubSpot's shape rather than crashing.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HubSpotError, request, reply) => {
    if (error instanceof HubSpotError) return reply.code(error.statusCode).send(error.body());
    const status = error.statusCode ?? 500;
    if (status === 415) {
      const refusal = validationError(
        `Unsupported content type ${request.headers['content-type'] ?? '(none)'}: send application/json.`,
      );
      return reply.code(415).send(refusal.body());
    }
    if (status >= 400 && status < 500) {
      const message = error.code?.startsWith('FST_ERR_CTP')
        ? `Invalid input JSON: ${error.message}`
        : error.message;
      return reply.code(status === 413 ? 413 : 400).send(validationError(message).body());
    }
    request.log.error({ err: error }, 'sandbox bug');
    return reply
      .code(500)
      .send(new HubSpotError(500, 'INTERNAL_ERROR', `internal error: ${error.message}`).body());
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(notFound(`No route for ${request.method} ${request.url.split('?')[0]}`).body());
  });
}
