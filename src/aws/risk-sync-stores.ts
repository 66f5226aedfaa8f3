import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ModelStore, StoredRiskModel, SyncCursor, SyncCursorStore } from '#src/risk/sync/stores';

/*
 * Both live in the sync-cursors table (partition key `id`, a string): the settings table is keyed
 * by portal alone and holds the settings item. The model is kept as a JSON string: a few tens of
 * KB for every segment's weights, well under DynamoDB's 400 KB item limit, and read back exactly.
 */
const modelKey = (portalId: number) => `risk-model#${portalId}`;
const cursorKey = (portalId: number) => `risk-sync#${portalId}`;

export class DynamoRiskModelStore implements ModelStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly portalId: number,
  ) {}

  async load(): Promise<StoredRiskModel | null> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { id: modelKey(this.portalId) },
        ConsistentRead: true,
      }),
    );
    return typeof Item?.model === 'string' ? (JSON.parse(Item.model) as StoredRiskModel) : null;
  }

  async save(model: StoredRiskModel): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { id: modelKey(this.portalId), model: JSON.stringify(model), trainedAt: model.trainedAt },
      }),
    );
  }
}

export class DynamoSyncCursorStore implements SyncCursorStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly portalId: number,
  ) {}

  async read(): Promise<SyncCursor | null> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { id: cursorKey(this.portalId) },
        ConsistentRead: true,
      }),
    );
    return typeof Item?.startedAt === 'string' && (Item.mode === 'full' || Item.mode === 'delta')
      ? { startedAt: Item.startedAt, mode: Item.mode }
      : null;
  }

  async write(cursor: SyncCursor): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { id: cursorKey(this.portalId), ...cursor } }),
    );
  }
}
