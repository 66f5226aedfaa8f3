import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAMPION_ASSOCIATION_LABEL, PROPERTY_CATALOG } from '#src/hubspot/catalog/index';
import { setupPortal, type SetupItem } from '#src/hubspot/setup';
import { createHubSpotSetupApi } from '#src/hubspot/setup-api';
import type { RequestCounts } from '#sandbox/limits/request-counter';
import type { RunningSandbox } from '#sandbox/server';
import { APP_TOKEN } from '#sandbox/tokens';
import { clientFor, startTestSandbox } from '../support/sandbox';

let sandbox: RunningSandbox;
let app: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  app = clientFor(sandbox);
});
afterAll(() => sandbox.close());

const setup = () =>
  setupPortal(
    createHubSpotSetupApi({ baseUrl: sandbox.url, accessToken: APP_TOKEN }, { sleep: async () => {} }),
  );

const catalogItems = Object.entries(PROPERTY_CATALOG).flatMap(([objectType, { groups, properties }]) => [
  ...groups.map((g) => `property group ${objectType}.${g.name}`),
  ...properties.map((p) => `property ${objectType}.${p.name}`),
]);
const championItem = `association label deals→contacts "${CHAMPION_ASSOCIATION_LABEL.label}"`;

const actions = (report: SetupItem[]) => Object.fromEntries(report.map((r) => [r.item, r.action]));

async function resetRequestCounts() {
  await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
}

/** Requests the sandbox served since the last reset, by method. */
async function requestsByMethod(): Promise<Record<string, number>> {
  const counts = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as RequestCounts;
  const byMethod: Record<string, number> = {};
  for (const [endpoint, { count }] of Object.entries(counts.endpoints)) {
    const method = endpoint.split(' ')[0]!;
    byMethod[method] = (byMethod[method] ?? 0) + count;
  }
  return byMethod;
}

async function championLabels() {
  const { results } = await app.crm.associations.v4.schema.definitionsApi.getAll('deals', 'contacts');
  return results.filter((l) => l.category === 'USER_DEFINED');
}

describe('npm run setup against an empty portal', () => {
  it('creates every property group, property and the Champion label on the first run', async () => {
    const report = await setup();
    expect(report.map((r) => r.item)).toEqual([...catalogItems, championItem]);
    expect(new Set(report.map((r) => r.action))).toEqual(new Set(['created']));

    const status = await app.crm.properties.coreApi.getByName('deals', 'rg_gate_status');
    expect(status).toMatchObject({ groupName: 'renewal_guard_handover', type: 'enumeration' });
    expect(status.options.map((o) => o.value)).toEqual(['clear', 'blocked', 'flagged', 'overridden']);
    expect((await championLabels()).map((l) => l.label)).toEqual(['Champion']);
  });

  it('changes nothing on the second run: everything unchanged, no write calls', async () => {
    await resetRequestCounts();
    const report = await setup();
    expect(new Set(report.map((r) => r.action))).toEqual(new Set(['unchanged']));
    expect(report).toHaveLength(catalogItems.length + 1);
    expect(await requestsByMethod()).toEqual({ GET: expect.any(Number) });
  });

  it('puts back a property label, a group order and the Champion label someone changed, and only those', async () => {
    await app.crm.properties.coreApi.update('deals', 'rg_desired_outcome', { label: 'Goal' });
    await app.crm.properties.groupsApi.update('deals', 'renewal_guard_handover', { displayOrder: 9 });
    const [champion] = await championLabels();
    await app.crm.associations.v4.schema.definitionsApi.update('deals', 'contacts', {
      associationTypeId: champion!.typeId,
      label: 'champion',
    });

    await resetRequestCounts();
    const report = await setup();
    expect(report.filter((r) => r.action !== 'unchanged')).toEqual([
      { item: 'property group deals.renewal_guard_handover', action: 'updated', changed: ['displayOrder'] },
      { item: 'property deals.rg_desired_outcome', action: 'updated', changed: ['label'] },
      { item: championItem, action: 'updated', changed: ['label'] },
    ]);
    expect(await requestsByMethod()).toMatchObject({ PATCH: 2, PUT: 1 });
    expect((await app.crm.properties.coreApi.getByName('deals', 'rg_desired_outcome')).label).toBe(
      'Desired outcome',
    );
    expect((await championLabels()).map((l) => l.label)).toEqual(['Champion']);
    expect(Object.values(actions(await setup()))).not.toContain('updated');
  });

  it('runs as `npm run setup`, configured by HUBSPOT_BASE_URL and HUBSPOT_ACCESS_TOKEN, printing each item', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'src/cli/setup.ts'], {
      env: { ...process.env, HUBSPOT_BASE_URL: sandbox.url, HUBSPOT_ACCESS_TOKEN: APP_TOKEN },
    });
    expect(stdout).toContain('unchanged property deals.rg_gate_status');
    expect(stdout).toContain(`unchanged ${championItem}`);
    expect(stdout).toContain(`0 created, 0 updated, ${catalogItems.length + 1} unchanged.`);
  });

  it('says what to set when the token is missing, and exits non-zero', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const failure = await promisify(execFile)(process.execPath, [tsx, 'src/cli/setup.ts'], {
      env: { ...process.env, HUBSPOT_BASE_URL: sandbox.url, HUBSPOT_ACCESS_TOKEN: '' },
    }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('HUBSPOT_ACCESS_TOKEN is not set'),
    });
  });
});
