import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';

/** What the use cases see: a portal's settings, never absent (defaults fill the gaps). */
export interface SettingsStore<T> {
  get(portalId: number): Promise<T>;
  /** Validates and stores; throws the schema's ZodError (naming the field) when invalid. */
  put(portalId: number, settings: unknown): Promise<T>;
}

export class StoredSettingsInvalidError extends Error {
  constructor(
    readonly portalId: number,
    readonly issues: readonly string[],
  ) {
    super(`Stored settings of portal ${portalId} no longer match the schema: ${issues.join('; ')}`);
    this.name = 'StoredSettingsInvalidError';
  }
}

/**
 * One item per portal in the settings table (partition key `portalId`, a number). The caller
 * supplies the schema and the defaults, so each feature keeps its own settings definition.
 */
export class DynamoSettingsStore<S extends z.ZodType<Record<string, unknown>>> implements SettingsStore<
  z.output<S>
> {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly schema: S,
    private readonly defaults: z.output<S>,
  ) {}

  async get(portalId: number): Promise<z.output<S>> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { portalId }, ConsistentRead: true }),
    );
    if (!Item) return this.defaults;
    // Top-level keys added to the schema after a portal saved its settings take their defaults.
    const parsed = this.schema.safeParse({ ...this.defaults, ...(Item.settings as Record<string, unknown>) });
    if (!parsed.success) {
      throw new StoredSettingsInvalidError(
        portalId,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      );
    }
    return parsed.data;
  }

  async put(portalId: number, settings: unknown): Promise<z.output<S>> {
    const valid = this.schema.parse(settings);
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { portalId, settings: valid, updatedAt: new Date().toISOString() },
      }),
    );
    return valid;
  }
}
