import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMPORT_TOKEN } from '#sandbox/tokens';
import { gateDeals } from './gate-deals';
import { startGateSystem, type GateSystem } from './gate-system';

let system: GateSystem;
let deals: ReturnType<typeof gateDeals>;

beforeAll(async () => {
  system = await startGateSystem({ sweepEverySeconds: 1 });
  deals = gateDeals(system);
}, 60_000);
afterAll(() => system?.close());

it('catches a deal whose webhook was lost with the scheduled sweep', async () => {
  await system.configureWebhooks({ dropRate: 1 });
  const dealId = await deals.openDeal(IMPORT_TOKEN);
  await deals.move(IMPORT_TOKEN, dealId, 'closedwon');

  await deals.gateStatus(dealId, 'blocked');

  const { deliveries } = await system.webhookLog();
  expect(deliveries.length).toBeGreaterThan(0);
  expect(deliveries.every((d) => d.outcome === 'dropped')).toBe(true);
  const state = await deals.state(dealId);
  expect(state).toMatchObject({ dealstage: 'contractsent', gate: 'blocked', notes: 1 });
  expect(state.tasks).toHaveLength(1);
});
