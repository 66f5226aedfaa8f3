import type { JSONValue } from '@aws-lambda-powertools/commons/types';
import { IdempotencyConfig, IdempotencyItemAlreadyExistsError } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamoDb } from '#src/aws/clients';

/** HubSpot retries a failed webhook delivery for about a day: remember deliveries for two. */
export const WEBHOOK_EVENT_MEMORY_SECONDS = 2 * 24 * 60 * 60;

export interface IdempotencyStoreOptions {
  tableName: string;
  /** JMESPath into the payload selecting what makes two payloads "the same", e.g. `[portalId, eventId]`. */
  eventKeyJmesPath: string;
  expiresAfterSeconds: number;
  /** Stable key prefix, so records survive a Lambda being renamed or redeployed. */
  keyPrefix: string;
}

/** Powertools' DynamoDB persistence layer on the idempotency table (partition key `id`, TTL `expiration`). */
export function createIdempotencyStore(options: IdempotencyStoreOptions): DynamoDBPersistenceLayer {
  const store = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    keyAttr: 'id',
    awsSdkV3Client: dynamoDb,
  });
  store.configure({
    keyPrefix: options.keyPrefix,
    config: new IdempotencyConfig({
      eventKeyJmesPath: options.eventKeyJmesPath,
      expiresAfterSeconds: options.expiresAfterSeconds,
    }),
  });
  return store;
}

export interface Claims<T> {
  /** The items no earlier or concurrent delivery has claimed: this invocation owns them. */
  fresh: T[];
  duplicates: number;
  /** Marks the fresh items done: later deliveries of them are duplicates until expiry. */
  confirm(): Promise<void>;
  /** Forgets the claims, so HubSpot's retry of the same delivery is processed again. */
  release(): Promise<void>;
}

/**
 * Claims each item with a conditional put (Powertools' `saveInProgress`). Claims held by an
 * invocation that died expire after `remainingTimeInMillis`, so a retry after a crash is not lost.
 */
export async function claimFirstDeliveries<T>(
  store: DynamoDBPersistenceLayer,
  items: readonly T[],
  keyOf: (item: T) => JSONValue,
  remainingTimeInMillis: number,
): Promise<Claims<T>> {
  const outcomes = await Promise.allSettled(
    items.map((item) => store.saveInProgress(keyOf(item), remainingTimeInMillis)),
  );
  const fresh: T[] = [];
  let duplicates = 0;
  let failure: unknown;
  outcomes.forEach((outcome, index) => {
    const item = items[index] as T;
    if (outcome.status === 'fulfilled') fresh.push(item);
    else if (outcome.reason instanceof IdempotencyItemAlreadyExistsError) duplicates += 1;
    else failure ??= outcome.reason;
  });
  const release = async (): Promise<void> => {
    await Promise.all(fresh.map((item) => store.deleteRecord(keyOf(item))));
  };
  if (failure !== undefined) {
    await release();
    throw failure;
  }
  return {
    fresh,
    duplicates,
    release,
    confirm: async () => {
      await Promise.all(fresh.map((item) => store.saveSuccess(keyOf(item), { claimed: true })));
    },
  };
}
