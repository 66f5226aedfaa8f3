import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DynamoSettingsStore, StoredSettingsInvalidError, type SettingsStore } from '#src/aws/settings-store';
import {
  GateSettingsError,
  parseGateSettings,
  type GateSettings,
  type GateSettingsInput,
} from '#src/handover/gate-settings';

/**
 * What a portal chose, as given: only the settings it set. Defaults are applied when read, so a
 * portal that never touched a setting follows a changed default.
 */
export type GateSettingsDocument = Record<string, unknown>;
export type GateSettingsStore = SettingsStore<GateSettingsDocument>;

/** The gate's key in the portal's settings item, which other features' settings share. */
const SETTINGS_KEY = 'gate';

/**
 * The item stays opaque here: the gate's own schema validates the `gate` document (below), so its
 * errors name the setting (`revops.userIds.0`) and unknown keys. A save keeps the other features'
 * keys of the item (settings are saved rarely, by an admin, so read-then-write is enough).
 */
export function createGateSettingsStore(
  client: DynamoDBDocumentClient,
  tableName: string,
): GateSettingsStore {
  const item = new DynamoSettingsStore(client, tableName, z.record(z.string(), z.unknown()), {});
  // Not checked here: a malformed `gate` value must reach parseGateSettings and fail loudly.
  const gateOf = (settings: Record<string, unknown>) =>
    (settings[SETTINGS_KEY] ?? {}) as GateSettingsDocument;
  return {
    get: async (portalId) => gateOf(await item.get(portalId)),
    put: async (portalId, settings) =>
      gateOf(await item.put(portalId, { ...(await item.get(portalId)), [SETTINGS_KEY]: settings })),
  };
}

/**
 * A portal's gate settings with defaults filled in. A stored document that no longer parses throws
 * StoredSettingsInvalidError naming each bad setting: the gate must not guess a policy.
 *
 * The first load for a portal records `enforcedSince` (now), unless something set it before: from
 * then on, deals that were won earlier are left alone, so installing the app never reopens a
 * portal's history. Installers (`npm start`, the deployment) call `startGateEnforcement` first.
 */
export async function loadGateSettings(
  store: GateSettingsStore,
  portalId: number,
  now: () => Date = () => new Date(),
): Promise<GateSettings> {
  const settings = parseStored(portalId, await store.get(portalId));
  return settings.enforcedSince ? settings : startGateEnforcement(store, portalId, now());
}

/** Records when the gate starts to enforce for the portal, if not recorded yet; returns the settings. */
export async function startGateEnforcement(
  store: GateSettingsStore,
  portalId: number,
  at: Date,
): Promise<GateSettings> {
  const document = await store.get(portalId);
  const settings = parseStored(portalId, document);
  if (settings.enforcedSince) return settings;
  const enforcedSince = at.toISOString();
  await store.put(portalId, { ...document, enforcedSince });
  return { ...settings, enforcedSince };
}

function parseStored(portalId: number, document: GateSettingsDocument): GateSettings {
  try {
    return parseGateSettings(document);
  } catch (error) {
    if (error instanceof GateSettingsError)
      throw new StoredSettingsInvalidError(
        portalId,
        error.problems.map((p) => `${p.setting}: ${p.problem}`),
      );
    throw error;
  }
}

/**
 * Validates and stores what the portal set; throws GateSettingsError naming each bad setting.
 * The gate's start is kept unless the new settings name one.
 */
export async function saveGateSettings(
  store: GateSettingsStore,
  portalId: number,
  settings: GateSettingsInput,
): Promise<GateSettings> {
  const parsed = parseGateSettings(settings);
  if (parsed.enforcedSince) {
    await store.put(portalId, settings);
    return parsed;
  }
  const { enforcedSince } = await store.get(portalId);
  const kept = typeof enforcedSince === 'string' ? { ...settings, enforcedSince } : settings;
  await store.put(portalId, kept);
  return parseGateSettings(kept);
}
