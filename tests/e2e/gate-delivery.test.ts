import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { IMPORT_TOKEN, uiToken } from '#sandbox/tokens';
import { completeHandover, gateDeals } from './gate-deals';
import { startGateSystem, type GateSystem } from './gate-system';

let system: GateSystem;
let deals: ReturnType<typeof gateDeals>;
const owner = uiToken(PORTAL_ADMIN.id);

beforeAll(async () => {
  system = await startGateSystem();
  deals = gateDeals(system);
}, 60_000);
afterEach(() => system.configureWebhooks());
afterAll(() => system?.close());

async function appRequests(endpoint: string): Promise<number> {
  const counts = (await (await fetch(`${system.sandbox.url}/__sandbox/requests`)).json()) as {
    endpoints: Record<string, { byToken: Record<string, number> }>;
  };
  return counts.endpoints[endpoint]?.byToken['sandbox-app'] ?? 0;
}

describe('the gate under real webhook delivery', () => {
  it('blocks each deal once when every event arrives twice and batches arrive shuffled', async () => {
    await system.configureWebhooks({ duplicateRate: 1, shuffle: true, seed: 7 });
    const ids = await Promise.all(Array.from({ length: 6 }, () => deals.openDeal(IMPORT_TOKEN)));
    for (const id of ids) await deals.move(IMPORT_TOKEN, id, 'closedwon');

    for (const id of ids) await deals.gateStatus(id, 'blocked');
    await system.settled();

    expect((await system.webhookLog()).deliveries.some((d) => d.duplicate)).toBe(true);
    for (const id of ids) {
      const state = await deals.state(id);
      expect(state).toMatchObject({ dealstage: 'contractsent', gate: 'blocked', notes: 1 });
      expect(state.tasks).toHaveLength(1);
    }
  });

  it('leaves a deal alone when its won-stage event arrives after the owner completed the handover', async () => {
    await system.configureWebhooks({ delayMs: 1_500 });
    const dealId = await deals.openDeal(owner);
    const champion = await deals.champion(dealId);
    await deals.move(owner, dealId, 'closedwon');
    await deals.set(owner, dealId, completeHandover(champion));

    await deals.gateStatus(dealId, 'clear');
    await system.settled();

    expect(await deals.state(dealId)).toMatchObject({ dealstage: 'closedwon', notes: 0, tasks: [] });
  });

  it('does not block a deal whose won-stage event arrives after the owner moved it back', async () => {
    await system.configureWebhooks({ delayMs: 1_500 });
    const dealId = await deals.openDeal(owner);
    await deals.move(owner, dealId, 'closedwon');
    await deals.move(owner, dealId, 'contractsent');

    await system.settled();

    const state = await deals.state(dealId);
    expect(state).toMatchObject({ dealstage: 'contractsent', handover: 'incomplete', notes: 0, tasks: [] });
    expect(state.gate).not.toBe('blocked');
  });

  it('starts no loop with its own move-back: one read of the deal, and the revert event is ignored', async () => {
    await system.settled();
    const readsBefore = await appRequests('POST /crm/v3/objects/:objectType/batch/read');
    const deliveredBefore = (await system.webhookLog()).deliveries.length;
    const dealId = await deals.openDeal(IMPORT_TOKEN);
    await deals.move(IMPORT_TOKEN, dealId, 'closedwon');
    await deals.gateStatus(dealId, 'blocked');

    await system.settled();

    // Creation and dealstage at creation, the import's move, and the app's own move-back.
    const delivered = (await system.webhookLog()).deliveries.slice(deliveredBefore);
    expect(delivered.reduce((sum, d) => sum + d.events, 0)).toBe(4);
    expect((await appRequests('POST /crm/v3/objects/:objectType/batch/read')) - readsBefore).toBe(1);
    expect(await deals.state(dealId)).toMatchObject({ dealstage: 'contractsent', notes: 1 });
  });
});
