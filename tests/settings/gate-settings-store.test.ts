import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredSettingsInvalidError } from '#src/aws/settings-store';
import { GateSettingsError, policyFor } from '#src/handover/gate-settings';
import {
  createGateSettingsStore,
  loadGateSettings,
  saveGateSettings,
  startGateEnforcement,
  type GateSettingsStore,
} from '#src/settings/gate-settings-store';
import { localDocumentClient, startLocalAws, type LocalAws } from '../../local/aws.ts';

let aws: LocalAws;
let dynamo: ReturnType<typeof localDocumentClient>;
let client: DynamoDBDocumentClient;
let store: GateSettingsStore;

beforeAll(async () => {
  aws = await startLocalAws();
  dynamo = localDocumentClient(aws);
  client = dynamo.documents;
  store = createGateSettingsStore(client, aws.tableNames.settings);
});

afterAll(async () => {
  dynamo?.close();
  await aws?.close();
});

async function putItem(portalId: number, settings: unknown) {
  await client.send(new PutCommand({ TableName: aws.tableNames.settings, Item: { portalId, settings } }));
}

describe('gate settings per portal', () => {
  it('give a portal that saved nothing the demo defaults: sales blocked, renewals off, RevOps by team', async () => {
    const settings = await loadGateSettings(store, 101);
    expect(policyFor(settings, 'default', 'newbusiness')).toBe('block');
    expect(policyFor(settings, '87654300')).toBe('block');
    expect(policyFor(settings, '87655400', 'existingbusiness')).toBe('off');
    expect(settings.revops).toEqual({ userIds: [], teamIds: [], teamNames: ['RevOps'] });
  });

  it('keep what a portal set and default the rest', async () => {
    await saveGateSettings(store, 102, { defaultPolicy: 'flag', revops: { userIds: [2034567] } });
    const settings = await loadGateSettings(store, 102);
    expect(settings.defaultPolicy).toBe('flag');
    expect(settings.revops.userIds).toEqual([2034567]);
    expect(settings.renewalDealTypes).toEqual(['existingbusiness']);
    expect(await loadGateSettings(store, 101)).toMatchObject({ defaultPolicy: 'block' });
  });

  it('refuse to save an invalid setting, naming it, and keep what was stored', async () => {
    await saveGateSettings(store, 103, { defaultPolicy: 'flag' });
    const error = await saveGateSettings(store, 103, {
      pipelinePolicies: { '7741': 'blok' as 'block' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateSettingsError);
    expect((error as GateSettingsError).problems.map((p) => p.setting)).toEqual(['pipelinePolicies.7741']);
    expect((await loadGateSettings(store, 103)).defaultPolicy).toBe('flag');
  });

  it('fail loudly on a stored document that no longer parses, naming each bad setting', async () => {
    await putItem(104, { gate: { defaultPolicy: 'maybe', gatePolicy: 'block' } });
    const error = await loadGateSettings(store, 104).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredSettingsInvalidError);
    expect((error as Error).message).toContain('defaultPolicy');
    expect((error as Error).message).toContain('gatePolicy: not a gate setting');
  });

  it("leave other features' settings in the portal's item alone when saving", async () => {
    await putItem(105, { risk: { tiers: 5 } });
    await saveGateSettings(store, 105, { defaultPolicy: 'off' });
    const { Item } = await client.send(
      new GetCommand({ TableName: aws.tableNames.settings, Key: { portalId: 105 } }),
    );
    expect(Item?.settings).toEqual({ risk: { tiers: 5 }, gate: { defaultPolicy: 'off' } });
  });

  it('record when the gate started at the first load, and keep it through later loads and saves', async () => {
    const first = await loadGateSettings(store, 106, () => new Date('2026-12-01T09:00:00.000Z'));
    expect(first.enforcedSince).toBe('2026-12-01T09:00:00.000Z');
    const later = await loadGateSettings(store, 106, () => new Date('2026-12-05T09:00:00.000Z'));
    expect(later.enforcedSince).toBe('2026-12-01T09:00:00.000Z');

    await saveGateSettings(store, 106, { defaultPolicy: 'flag' });
    expect(await loadGateSettings(store, 106)).toMatchObject({
      defaultPolicy: 'flag',
      enforcedSince: '2026-12-01T09:00:00.000Z',
    });
    expect((await startGateEnforcement(store, 106, new Date('2026-12-09T09:00:00.000Z'))).enforcedSince).toBe(
      '2026-12-01T09:00:00.000Z',
    );
  });

  it('refuse a start that is not a datetime, naming the setting', async () => {
    const error = await saveGateSettings(store, 107, { enforcedSince: 'last Tuesday' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GateSettingsError);
    expect((error as GateSettingsError).problems).toEqual([
      { setting: 'enforcedSince', problem: 'expected an ISO datetime, e.g. "2026-12-01T09:00:00Z"' },
    ]);
  });
});
