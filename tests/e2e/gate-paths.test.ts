import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { IMPORT_TOKEN, INTEGRATION_TOKEN, uiToken, WORKFLOW_TOKEN } from '#sandbox/tokens';
import { completeHandover, gateDeals } from './gate-deals';
import { startGateSystem, type GateSystem } from './gate-system';

let system: GateSystem;
let deals: ReturnType<typeof gateDeals>;
let flagPipeline: { id: string; won: string; open: string };
let numericPipeline: { id: string; won: string; open: string; earlier: string };
const REVOPS_OWNER = PORTAL_ADMIN.id;

const ACTORS = [
  ['a person in the CRM UI', uiToken(PORTAL_ADMIN.id)],
  ['another integration', INTEGRATION_TOKEN],
  ['an import', IMPORT_TOKEN],
  ['a workflow', WORKFLOW_TOKEN],
] as const;

async function customPipeline(label: string) {
  const stage = (name: string, displayOrder: number, isClosed: boolean, probability: string) => ({
    label: name,
    displayOrder,
    metadata: { isClosed: String(isClosed), probability },
  });
  const pipeline = await system.app.crm.pipelines.pipelinesApi.create('deals', {
    label,
    displayOrder: 5,
    stages: [
      stage('Discovery', 0, false, '0.2'),
      stage('Procurement', 1, false, '0.8'),
      stage('Signed', 2, true, '1.0'),
      stage('Lost', 3, true, '0.0'),
    ],
  });
  const id = (name: string) => pipeline.stages.find((s) => s.label === name)?.id ?? '';
  return { id: pipeline.id, earlier: id('Discovery'), open: id('Procurement'), won: id('Signed') };
}

beforeAll(async () => {
  system = await startGateSystem();
  deals = gateDeals(system);
  flagPipeline = await customPipeline('Partner deals');
  numericPipeline = await customPipeline('Enterprise');
  await system.saveSettings({
    pipelinePolicies: { [flagPipeline.id]: 'flag' },
    revopsTaskOwnerId: REVOPS_OWNER,
  });
}, 60_000);
afterAll(() => system?.close());

describe('the closed-won gate, end to end through webhooks, SQS and the gate worker', () => {
  it('lets a deal whose complete handover was saved through the card API move to closed-won and stay there, clear', async () => {
    const dealId = await deals.openDeal(uiToken(PORTAL_ADMIN.id));
    const champion = await deals.champion(dealId);
    const saved = await system.cardApi('PUT', `/deals/${dealId}/handover`, {
      userId: PORTAL_ADMIN.userId,
      body: completeHandover(champion),
    });
    expect(saved).toMatchObject({ status: 200, body: { summary: { complete: true } } });

    await deals.move(uiToken(PORTAL_ADMIN.id), dealId, 'closedwon');
    await deals.gateStatus(dealId, 'clear');
    await system.settled();

    expect(await deals.state(dealId)).toMatchObject({
      dealstage: 'closedwon',
      gate: 'clear',
      handover: 'complete',
      notes: 0,
      tasks: [],
    });
  });

  it.each(ACTORS)(
    'moves an incomplete deal that %s closed back to its previous stage, with one note and one owner task',
    async (_who, token) => {
      const dealId = await deals.openDeal(token, { dealstage: 'decisionmakerboughtin' });
      await deals.move(token, dealId, 'contractsent');
      await deals.move(token, dealId, 'closedwon');

      await deals.gateStatus(dealId, 'blocked');
      await system.settled();

      const state = await deals.state(dealId);
      expect(state).toMatchObject({
        dealstage: 'contractsent',
        gate: 'blocked',
        handover: 'incomplete',
        notes: 1,
      });
      expect(state.tasks).toEqual([
        expect.objectContaining({
          hubspot_owner_id: PORTAL_ADMIN.id,
          hs_task_subject: expect.stringContaining('Complete the handover'),
        }),
      ]);
    },
  );

  it.each(ACTORS)(
    'flags an incomplete deal that %s closed in a flag pipeline, keeps its stage and gives RevOps one task',
    async (_who, token) => {
      const dealId = await deals.openDeal(token, { pipeline: flagPipeline.id, dealstage: flagPipeline.open });
      await deals.move(token, dealId, flagPipeline.won);

      await deals.gateStatus(dealId, 'flagged');
      await system.settled();

      const state = await deals.state(dealId);
      expect(state).toMatchObject({ dealstage: flagPipeline.won, gate: 'flagged', notes: 0 });
      expect(state.tasks).toEqual([
        expect.objectContaining({
          hubspot_owner_id: REVOPS_OWNER,
          hs_task_subject: expect.stringContaining('Closed-won without a complete handover'),
        }),
      ]);
    },
  );

  it('catches a deal created directly in a won stage and moves it to the last open stage', async () => {
    const dealId = await deals.openDeal(IMPORT_TOKEN, { dealstage: 'closedwon' });

    await deals.gateStatus(dealId, 'blocked');
    await system.settled();

    expect(await deals.state(dealId)).toMatchObject({ dealstage: 'contractsent', gate: 'blocked', notes: 1 });
  });

  it('works in a custom pipeline whose stage ids are numbers', async () => {
    expect(numericPipeline.won).toMatch(/^\d+$/);
    const dealId = await deals.openDeal(WORKFLOW_TOKEN, {
      pipeline: numericPipeline.id,
      dealstage: numericPipeline.earlier,
    });
    await deals.move(WORKFLOW_TOKEN, dealId, numericPipeline.won);

    await deals.gateStatus(dealId, 'blocked');
    await system.settled();

    const state = await deals.state(dealId);
    expect(state).toMatchObject({ dealstage: numericPipeline.earlier, gate: 'blocked', notes: 1 });
    expect(state.tasks).toHaveLength(1);
  });

  it('clears a flagged deal once its owner completes the handover, and it stays in its won stage', async () => {
    const owner = uiToken(PORTAL_ADMIN.id);
    const dealId = await deals.openDeal(owner, { pipeline: flagPipeline.id, dealstage: flagPipeline.open });
    await deals.move(owner, dealId, flagPipeline.won);
    await deals.gateStatus(dealId, 'flagged');

    await deals.set(owner, dealId, completeHandover(await deals.champion(dealId)));

    await deals.gateStatus(dealId, 'clear');
    await system.settled();
    expect(await deals.state(dealId)).toMatchObject({ dealstage: flagPipeline.won, gate: 'clear', notes: 0 });
    expect((await deals.state(dealId)).tasks).toHaveLength(1);
  });

  it('clears a blocked deal once its handover is complete, then lets its owner close it for good', async () => {
    const owner = uiToken(PORTAL_ADMIN.id);
    const dealId = await deals.openDeal(owner);
    await deals.move(owner, dealId, 'closedwon');
    await deals.gateStatus(dealId, 'blocked');

    await deals.set(owner, dealId, completeHandover(await deals.champion(dealId)));
    await deals.gateStatus(dealId, 'clear');
    await system.settled();
    expect((await deals.state(dealId)).dealstage).toBe('contractsent');

    await deals.move(owner, dealId, 'closedwon');
    await system.settled();
    expect(await deals.state(dealId)).toMatchObject({ dealstage: 'closedwon', gate: 'clear', notes: 1 });
    expect((await deals.state(dealId)).tasks).toHaveLength(1);
  });
});
