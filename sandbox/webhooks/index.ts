import type { FastifyInstance } from 'fastify';
import type { ChangeFeed } from '#sandbox/events';
import { createDispatcher, type WebhookDispatcher } from './dispatcher';
import { loadWebhookConfig, saveWebhookConfig } from './persistence';
import { registerWebhookRoutes } from './routes';

export interface WebhookDeps {
  feed: ChangeFeed;
  portalId: number;
  /** Where `webhooks.json` keeps the configuration across restarts; in memory only when absent. */
  dataDir?: string;
}

/**
 * Delivers the sandbox's CRM changes to the app's webhook target as HubSpot does (signed batches of up
 * to 100 events, limited concurrency, retries) and registers the admin routes under /__sandbox/webhooks.
 * The dispatcher closes with the server.
 */
export function registerWebhooks(app: FastifyInstance, deps: WebhookDeps): WebhookDispatcher {
  const { dataDir } = deps;
  const dispatcher = createDispatcher({
    feed: deps.feed,
    portalId: deps.portalId,
    ...(dataDir === undefined
      ? {}
      : { config: loadWebhookConfig(dataDir), onConfigure: (config) => saveWebhookConfig(dataDir, config) }),
    warn: (details, message) => app.log.warn(details, message),
  });
  registerWebhookRoutes(app, dispatcher);
  app.addHook('onClose', () => dispatcher.close());
  return dispatcher;
}

export type { WebhookDispatcher } from './dispatcher';
export { IdleTimeoutError } from './idle-waiters';
export type { WebhookConfig, WebhookConfigInput, DeliveryOptions, CrmObjectSubscription } from './config';
export { webhookConfigSchema } from './config';
export type { DeliveryLogEntry, DeliverySummary } from './delivery-log';
export type { WebhookEvent } from './payload';
export { MAX_EVENTS_PER_REQUEST } from './batch-plan';
