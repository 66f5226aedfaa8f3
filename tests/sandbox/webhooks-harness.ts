import Fastify, { type FastifyInstance } from 'fastify';
import { ChangeFeed, type ChangeActor, type ChangeEvent } from '#sandbox/events';
import { registerWebhooks, type WebhookConfigInput, type WebhookDispatcher } from '#sandbox/webhooks/index';

export const PORTAL_ID = 4_010_001;
export const APP_ID = 1000;
export const CLIENT_SECRET = 'sandbox-client-secret';

export interface WebhookSandbox {
  app: FastifyInstance;
  feed: ChangeFeed;
  dispatcher: WebhookDispatcher;
}

/** A bare fastify app with only the webhook module, fed by a change feed the test publishes to. */
export async function startWebhookSandbox(options: { dataDir?: string } = {}): Promise<WebhookSandbox> {
  const app = Fastify();
  const feed = new ChangeFeed();
  const dispatcher = registerWebhooks(app, { feed, portalId: PORTAL_ID, ...options });
  await app.ready();
  return { app, feed, dispatcher };
}

/** The gate's subscriptions, with fast delivery settings a test may override. */
export function webhookConfig(
  targetUrl: string,
  delivery: WebhookConfigInput['delivery'] = {},
  maxConcurrentRequests = 10,
): WebhookConfigInput {
  return {
    appId: APP_ID,
    clientSecret: CLIENT_SECRET,
    settings: { targetUrl, maxConcurrentRequests },
    subscriptions: {
      crmObjects: [
        {
          subscriptionType: 'object.propertyChange',
          objectType: 'deal',
          propertyName: 'dealstage',
          active: true,
        },
        { subscriptionType: 'object.creation', objectType: 'deal', active: true },
      ],
    },
    delivery: { batchWindowMs: 20, retryBaseMs: 20, timeoutMs: 1_000, ...delivery },
  };
}

export async function putConfig(app: FastifyInstance, config: unknown) {
  return app.inject({ method: 'PUT', url: '/__sandbox/webhooks', payload: config as object });
}

export async function flush(app: FastifyInstance, timeoutMs = 20_000) {
  return app.inject({ method: 'POST', url: `/__sandbox/webhooks/flush?timeoutMs=${timeoutMs}` });
}

const USER: ChangeActor = { changeSource: 'CRM_UI', sourceId: 'userId:42' };

export function dealStageChanged(objectId: number, stage: string, actor: ChangeActor = USER): ChangeEvent {
  return {
    portalId: PORTAL_ID,
    kind: 'propertyChange',
    objectType: 'deals',
    objectTypeId: '0-3',
    objectId: String(objectId),
    propertyName: 'dealstage',
    propertyValue: stage,
    occurredAt: 1_790_000_000_000 + objectId,
    actor,
  };
}

export function dealCreated(objectId: number, actor: ChangeActor = USER): ChangeEvent {
  return {
    portalId: PORTAL_ID,
    kind: 'creation',
    objectType: 'deals',
    objectTypeId: '0-3',
    objectId: String(objectId),
    occurredAt: 1_790_000_000_000 + objectId,
    actor,
  };
}

/** `count` stage changes on deals 1…count, published as one committed request. */
export function publishStageChanges(feed: ChangeFeed, count: number): void {
  feed.publish(Array.from({ length: count }, (_, i) => dealStageChanged(i + 1, 'closedwon')));
}
