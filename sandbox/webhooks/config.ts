import { z } from 'zod';

/** The CRM object types the sandbox delivers webhooks for, singular as in webhooks-hsmeta.json. */
export const SUBSCRIBED_OBJECT_TYPES = ['contact', 'company', 'deal', 'ticket'] as const;
export type SubscribedObjectType = (typeof SUBSCRIBED_OBJECT_TYPES)[number];

/** The sandbox's change feed names object types in the plural, as the CRM API paths do. */
export const PLURAL_OBJECT_TYPE: Record<SubscribedObjectType, string> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  ticket: 'tickets',
};

/** The three subscription types the sandbox fires; merge, restore and association changes it does not. */
export const SUBSCRIPTION_TYPES = ['object.creation', 'object.propertyChange', 'object.deletion'] as const;
export type SubscriptionType = (typeof SUBSCRIPTION_TYPES)[number];

const subscriptionSchema = z
  .strictObject({
    /** HubSpot's subscriptionId; assigned by the sandbox when absent, kept when given (a restart reloads it). */
    id: z.int().positive().optional(),
    subscriptionType: z.enum(SUBSCRIPTION_TYPES),
    objectType: z.enum(SUBSCRIBED_OBJECT_TYPES),
    propertyName: z.string().min(1).optional(),
    active: z.boolean().default(true),
  })
  .superRefine((subscription, ctx) => {
    const isPropertyChange = subscription.subscriptionType === 'object.propertyChange';
    if (isPropertyChange && subscription.propertyName === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['propertyName'],
        message: 'object.propertyChange needs a propertyName (HubSpot takes one subscription per property)',
      });
    }
    if (!isPropertyChange && subscription.propertyName !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['propertyName'],
        message: `${subscription.subscriptionType} takes no propertyName`,
      });
    }
  });

const unsupportedList = z
  .array(z.unknown())
  .max(0, 'the sandbox delivers crmObjects subscriptions only: leave this list empty')
  .optional();

const ratio = z.number().min(0).max(1);

/**
 * How the sandbox delivers, beyond what HubSpot lets an app configure: the batch window, the request
 * timeout and retry schedule (HubSpot's own spreads 10 attempts over about a day), and fault switches
 * for tests. Randomness (duplicates, shuffling, drops) comes from a PRNG seeded with `seed`.
 */
const deliverySchema = z.strictObject({
  batchWindowMs: z.int().min(0).max(60_000).default(100),
  timeoutMs: z.int().min(1).max(60_000).default(5_000),
  maxAttempts: z.int().min(1).max(20).default(10),
  retryBaseMs: z.int().min(0).default(1_000),
  retryMaxMs: z.int().min(0).default(3_600_000),
  duplicateRate: ratio.default(0),
  shuffle: z.boolean().default(false),
  dropRate: ratio.default(0),
  delayMs: z.int().min(0).default(0),
  seed: z.int().default(1),
});

/** The body of PUT /__sandbox/webhooks: a webhooks-hsmeta.json `config` plus the app's id and secret. */
export const webhookConfigSchema = z
  .strictObject({
    appId: z.int().positive(),
    clientSecret: z.string().min(1),
    settings: z.strictObject({
      // HubSpot requires https; the sandbox also takes http so it can reach a local backend.
      targetUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
      maxConcurrentRequests: z.int().min(1).max(100).default(10),
    }),
    subscriptions: z.strictObject({
      crmObjects: z.array(subscriptionSchema),
      legacyCrmObjects: unsupportedList,
      hubEvents: unsupportedList,
    }),
    delivery: deliverySchema.default(() => deliverySchema.parse({})),
  })
  .superRefine((config, ctx) => {
    const seenKeys = new Map<string, number>();
    const seenIds = new Set<number>();
    config.subscriptions.crmObjects.forEach((subscription, index) => {
      const key = subscriptionKey(subscription);
      const first = seenKeys.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['subscriptions', 'crmObjects', index],
          message: `duplicates subscription ${first} (${key})`,
        });
      }
      seenKeys.set(key, index);
      if (subscription.id !== undefined && seenIds.has(subscription.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['subscriptions', 'crmObjects', index, 'id'],
          message: `subscription id ${subscription.id} is used twice`,
        });
      }
      if (subscription.id !== undefined) seenIds.add(subscription.id);
    });
  });

export type WebhookConfigInput = z.input<typeof webhookConfigSchema>;
export type ParsedWebhookConfig = z.output<typeof webhookConfigSchema>;
export type DeliveryOptions = ParsedWebhookConfig['delivery'];
export type CrmObjectSubscription = ParsedWebhookConfig['subscriptions']['crmObjects'][number] & {
  id: number;
};

/** A validated configuration in which every subscription has its id. */
export type WebhookConfig = Omit<ParsedWebhookConfig, 'subscriptions'> & {
  subscriptions: { crmObjects: CrmObjectSubscription[] };
};

/** What identifies a subscription to HubSpot: type, object type and (for property changes) property. */
export function subscriptionKey(subscription: {
  subscriptionType: string;
  objectType: string;
  propertyName?: string | undefined;
}): string {
  const { subscriptionType, objectType, propertyName } = subscription;
  return [subscriptionType, objectType, propertyName].filter((part) => part !== undefined).join(':');
}

/**
 * Gives each subscription its id: the one it brings, else the id the same subscription had before (as
 * HubSpot keeps ids when an app re-uploads its webhooks), else the next unused number.
 */
export function withSubscriptionIds(parsed: ParsedWebhookConfig, previous?: WebhookConfig): WebhookConfig {
  const previousIds = new Map(previous?.subscriptions.crmObjects.map((s) => [subscriptionKey(s), s.id]));
  const taken = new Set(parsed.subscriptions.crmObjects.flatMap((s) => (s.id === undefined ? [] : [s.id])));
  let next = Math.max(0, ...taken, ...previousIds.values()) + 1;
  const crmObjects = parsed.subscriptions.crmObjects.map((subscription) => {
    const reused = previousIds.get(subscriptionKey(subscription));
    const id = subscription.id ?? (reused !== undefined && !taken.has(reused) ? reused : next++);
    taken.add(id);
    return { ...subscription, id };
  });
  return { ...parsed, subscriptions: { crmObjects } };
}

/** The configuration as the admin routes show it: everything but the client secret. */
export function redacted(config: WebhookConfig): WebhookConfig {
  return { ...config, clientSecret: '[redacted]' };
}
