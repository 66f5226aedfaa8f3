import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DynamoSettingsStore, StoredSettingsInvalidError } from '#src/aws/settings-store';
import { parseRiskSettings, RiskSettingsError, type RiskSettings } from '#src/risk/settings';

/** The risk settings' key in the portal's settings item, which the gate's settings share. */
const SETTINGS_KEY = 'risk';

export interface RiskSettingsReader {
  get(portalId: number): Promise<RiskSettings>;
}

/**
 * A portal's risk settings with defaults filled in (a portal that never set one follows the
 * defaults). A stored document that no longer parses throws StoredSettingsInvalidError naming each
 * bad setting: scoring with a guessed configuration would write wrong tiers to every company.
 */
export function createRiskSettingsReader(
  client: DynamoDBDocumentClient,
  tableName: string,
): RiskSettingsReader {
  const item = new DynamoSettingsStore(client, tableName, z.record(z.string(), z.unknown()), {});
  return {
    async get(portalId) {
      const settings = await item.get(portalId);
      try {
        return parseRiskSettings(settings[SETTINGS_KEY] ?? {});
      } catch (error) {
        if (error instanceof RiskSettingsError)
          throw new StoredSettingsInvalidError(portalId, error.problems);
        throw error;
      }
    },
  };
}
