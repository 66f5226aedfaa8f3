import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chunks } from '#src/collections/chunks';
import type { DeliveryClaims } from '#src/webhooks/accept-batch';

/** HubSpot retries a failed webhook delivery for about a day: remember events for two. */
export const WEBHOOK_EVENT_MEMORY_SECONDS = 2 * 24 * 60 * 60;

/** DynamoDB's limits per batch call. */
const GET_LIMIT = 100;
const WRITE_LIMIT = 25;
/** Unprocessed keys or items (throttling) are retried this many times, with back-off. */
const ATTEMPTS = 8;

export interface EventLogOptions {
  client: DynamoDBDocumentClient;
  /** The idempotency table: partition key `id`, TTL attribute `expiration`. */
  tableName: string;
  /** Stable prefix of the item ids, e.g. `webhooks.hubspot-event`. */
  keyPrefix: string;
  expiresAfterSeconds: number;
  nowMs?: () => number;
}

/**
 * Which webhook events were handled before, with batch calls: one consistent BatchGetItem per 100
 * events to find them, and after their jobs are queued one BatchWriteItem per 25 to remember the
 * new ones. A 100-event delivery costs 5 DynamoDB calls, where a conditional put per event (and a
 * second write to complete it, as Powertools idempotency does) cost 200 and dominated the
 * endpoint's latency (bench/RESULTS.md, Webhook endpoint).
 *
 * Without conditional puts, two deliveries of the same event that overlap in time may both queue
 * its gate check. That is safe: the gate worker acts on the deal's current state and claims each
 * violation before reporting it, so a second check of the same deal writes nothing twice.
 */
export function createEventLog(options: EventLogOptions) {
  const { client, tableName, keyPrefix } = options;
  const idOf = (key: string) => `${keyPrefix}#${key}`;

  async function seen(keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(keys)], GET_LIMIT)) {
      let pending: Record<string, unknown>[] = part.map((key) => ({ id: idOf(key) }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt === ATTEMPTS)
          throw new Error(`DynamoDB left ${pending.length} event lookups unprocessed`);
        if (attempt > 0) await sleep(25 * 2 ** attempt);
        const { Responses, UnprocessedKeys } = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'id' },
            },
          }),
        );
        for (const item of Responses?.[tableName] ?? []) found.add(String(item.id));
        pending = (UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return new Set(keys.filter((key) => found.has(idOf(key))));
  }

  async function remember(keys: readonly string[]): Promise<void> {
    const expiration = Math.floor((options.nowMs ?? Date.now)() / 1000) + options.expiresAfterSeconds;
    await Promise.all(
      chunks([...new Set(keys)], WRITE_LIMIT).map(async (part) => {
        let pending = part.map((key) => ({ PutRequest: { Item: { id: idOf(key), expiration } } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt === ATTEMPTS)
            throw new Error(`DynamoDB left ${pending.length} event records unwritten`);
          if (attempt > 0) await sleep(25 * 2 ** attempt);
          const { UnprocessedItems } = await client.send(
            new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
          );
          pending = (UnprocessedItems?.[tableName] as typeof pending | undefined) ?? [];
        }
      }),
    );
  }

  return {
    /**
     * The events of a delivery not handled before (`fresh`); `confirm` remembers them once their
     * jobs are queued. Nothing is written before then, so there is nothing to release.
     */
    async claim<T>(items: readonly T[], keyOf: (item: T) => string): Promise<DeliveryClaims<T>> {
      const before = await seen(items.map(keyOf));
      const fresh: T[] = [];
      const firstSeen = new Set<string>();
      let duplicates = 0;
      for (const item of items) {
        const key = keyOf(item);
        // The same event twice in one delivery counts once, as a duplicate the second time.
        if (before.has(key) || firstSeen.has(key)) duplicates += 1;
        else {
          firstSeen.add(key);
          fresh.push(item);
        }
      }
      return {
        fresh,
        duplicates,
        confirm: () => remember([...firstSeen]),
        release: async () => undefined,
      };
    },
  };
}
