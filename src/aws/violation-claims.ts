import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ViolationClaims } from '#src/handover/enforce-gate-batch';

/** Longer than SQS keeps a message (14 days), so no retry outlives the claim it would find. */
export const VIOLATION_CLAIM_SECONDS = 15 * 24 * 60 * 60;

/**
 * Claims on a portal's gate violations in the idempotency table (partition key `id`, TTL
 * `expiration`): one conditional put each, in parallel. A put refused because the item exists
 * means an earlier or concurrent attempt claimed the violation.
 */
export function createViolationClaims(
  client: DynamoDBDocumentClient,
  tableName: string,
  portalId: number,
  nowMs: () => number = Date.now,
): ViolationClaims {
  return {
    async claim(references) {
      const claimedBefore = new Set<string>();
      const expiration = Math.floor(nowMs() / 1000) + VIOLATION_CLAIM_SECONDS;
      await Promise.all(
        [...new Set(references)].map(async (reference) => {
          try {
            await client.send(
              new PutCommand({
                TableName: tableName,
                Item: { id: `gate-violation#${portalId}#${reference}`, expiration },
                ConditionExpression: 'attribute_not_exists(id)',
              }),
            );
          } catch (error) {
            // By name: the SDK's error classes differ between copies of the package.
            if ((error as Error).name === 'ConditionalCheckFailedException') claimedBefore.add(reference);
            else throw error;
          }
        }),
      );
      return claimedBefore;
    },
  };
}
