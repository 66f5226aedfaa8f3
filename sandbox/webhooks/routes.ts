import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z, ZodError } from 'zod';
import { redacted, type WebhookConfigInput } from './config';
import type { WebhookDispatcher } from './dispatcher';
import { IdleTimeoutError } from './idle-waiters';

export const WEBHOOKS_ADMIN_PATH = '/__sandbox/webhooks';

const flushQuery = z.strictObject({
  timeoutMs: z.coerce.number().int().min(1).max(600_000).default(30_000),
});

/** The sandbox's own admin routes for webhook subscriptions, the delivery log and flushing. */
export function registerWebhookRoutes(app: FastifyInstance, dispatcher: WebhookDispatcher): void {
  app.put(WEBHOOKS_ADMIN_PATH, async (request, reply) => {
    try {
      // configure() validates the body; a missing one must not read as null, which unsubscribes.
      const config = dispatcher.configure((request.body ?? {}) as WebhookConfigInput);
      return config ? redacted(config) : reply.code(204).send();
    } catch (error) {
      if (error instanceof ZodError) return validationError(reply, 'Invalid webhook configuration', error);
      throw error;
    }
  });

  app.get(WEBHOOKS_ADMIN_PATH, async (_request, reply) => {
    const config = dispatcher.config();
    if (!config)
      return reply.code(404).send({ status: 'error', message: 'No webhook subscriptions are configured' });
    return redacted(config);
  });

  app.delete(WEBHOOKS_ADMIN_PATH, async (_request, reply) => {
    dispatcher.configure(null);
    return reply.code(204).send();
  });

  app.get(`${WEBHOOKS_ADMIN_PATH}/log`, async () => dispatcher.summary());

  app.post(`${WEBHOOKS_ADMIN_PATH}/flush`, async (request, reply) => {
    const query = flushQuery.safeParse(request.query);
    if (!query.success) return validationError(reply, 'Invalid flush request', query.error);
    try {
      await dispatcher.idle(query.data.timeoutMs);
      return dispatcher.summary();
    } catch (error) {
      if (!(error instanceof IdleTimeoutError)) throw error;
      return reply.code(504).send({ status: 'error', message: error.message, ...error.summary });
    }
  });
}

/** A 400 in the shape of HubSpot's validation errors, naming each bad field by its path. */
function validationError(reply: FastifyReply, what: string, error: ZodError): FastifyReply {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  const message = `${what}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
  return reply
    .code(400)
    .send({ status: 'error', message, correlationId: randomUUID(), category: 'VALIDATION_ERROR', errors });
}
