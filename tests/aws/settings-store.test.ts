import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { DynamoSettingsStore, StoredSettingsInvalidError } from '#src/aws/settings-store';
import { localDocumentClient, startLocalAws, type LocalAws } from '../../local/aws.ts';

const gateSettings = z.object({
  policy: z.enum(['block', 'flag', 'off']),
  revOpsUserIds: z.array(z.number().int()),
  overrideMinLength: z.number().int().min(1),
});
const defaults = { policy: 'block' as const, revOpsUserIds: [], overrideMinLength: 20 };

let aws: LocalAws;
let dynamo: ReturnType<typeof localDocumentClient>;
let client: DynamoDBDocumentClient;
let store: DynamoSettingsStore<typeof gateSettings>;

beforeAll(async () => {
  aws = await startLocalAws();
  dynamo = localDocumentClient(aws);
  client = dynamo.documents;
  store = new DynamoSettingsStore(client, aws.tableNames.settings, gateSettings, defaults);
});

afterAll(async () => {
  dynamo?.close();
  await aws?.close();
});

describe('portal settings in DynamoDB', () => {
  it('gives a portal that never saved settings the defaults', async () => {
    expect(await store.get(1)).toEqual(defaults);
  });

  it('returns what a portal saved', async () => {
    const saved = { policy: 'flag' as const, revOpsUserIds: [7, 8], overrideMinLength: 30 };
    await store.put(2, saved);
    expect(await store.get(2)).toEqual(saved);
    expect(await store.get(1)).toEqual(defaults);
  });

  it('refuses invalid settings naming the field, and keeps what was stored', async () => {
    await store.put(3, { ...defaults, policy: 'off' });
    const error = await store.put(3, { ...defaults, policy: 'maybe' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]?.path).toEqual(['policy']);
    expect((await store.get(3)).policy).toBe('off');
  });

  it('fills settings added to the schema after a portal saved with their defaults', async () => {
    await client.send(
      new PutCommand({
        TableName: aws.tableNames.settings,
        Item: { portalId: 4, settings: { policy: 'flag' } },
      }),
    );
    expect(await store.get(4)).toEqual({ ...defaults, policy: 'flag' });
  });

  it('says which stored field no longer fits the schema', async () => {
    await client.send(
      new PutCommand({
        TableName: aws.tableNames.settings,
        Item: { portalId: 5, settings: { ...defaults, overrideMinLength: 0 } },
      }),
    );
    const error = await store.get(5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredSettingsInvalidError);
    expect((error as Error).message).toContain('overrideMinLength');
  });
});
