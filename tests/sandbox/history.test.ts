import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '#sandbox/events';
import type { RunningSandbox } from '#sandbox/server';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { IMPORT_TOKEN, INTEGRATION_TOKEN, WORKFLOW_TOKEN, uiToken } from '#sandbox/tokens';
import { clientFor, startTestSandbox } from '../support/sandbox';
import { refusal } from './refusals';

let sandbox: RunningSandbox;
const published: ChangeEvent[][] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  sandbox.feed.subscribe((events) => published.push([...events]));
});
afterAll(() => sandbox.close());

describe('property history and change sources per token', () => {
  it('records who changed dealstage, newest first, with HubSpot’s source types', async () => {
    const importer = clientFor(sandbox, IMPORT_TOKEN);
    const person = clientFor(sandbox, uiToken(PORTAL_ADMIN.id));
    const created = await importer.crm.deals.basicApi.create({
      properties: { dealname: 'History', dealstage: 'appointmentscheduled' },
      associations: [],
    });
    await person.crm.deals.basicApi.update(created.id, { properties: { dealstage: 'contractsent' } });
    await clientFor(sandbox, WORKFLOW_TOKEN).crm.deals.basicApi.update(created.id, {
      properties: { dealstage: 'closedwon' },
    });
    await clientFor(sandbox).crm.deals.basicApi.update(created.id, {
      properties: { dealstage: 'contractsent' },
    });
    await clientFor(sandbox, INTEGRATION_TOKEN).crm.deals.basicApi.update(created.id, {
      properties: { dealname: 'Renamed' },
    });

    const read = await clientFor(sandbox).crm.deals.basicApi.getById(
      created.id,
      ['dealstage'],
      ['dealstage', 'dealname'],
    );
    const stages = read.propertiesWithHistory?.dealstage ?? [];
    expect(stages.map((entry) => [entry.value, entry.sourceType, entry.sourceId])).toEqual([
      ['contractsent', 'INTEGRATION', '1000'],
      ['closedwon', 'AUTOMATION_PLATFORM', undefined],
      ['contractsent', 'CRM_UI', `userId:${PORTAL_ADMIN.userId}`],
      ['appointmentscheduled', 'IMPORT', undefined],
    ]);
    expect(stages[0]!.timestamp).toBeInstanceOf(Date);
    expect(read.propertiesWithHistory?.dealname?.map((entry) => [entry.value, entry.sourceId])).toEqual([
      ['Renamed', '2000'],
      ['History', undefined],
    ]);
  });

  it('publishes one batch of change events per request, carrying the actor', async () => {
    published.length = 0;
    const created = await clientFor(sandbox).crm.deals.basicApi.create({
      properties: { dealname: 'Feed', amount: '10' },
      associations: [],
    });
    expect(published).toHaveLength(1);
    expect(published[0]!.map((event) => [event.kind, event.propertyName])).toEqual([
      ['creation', undefined],
      ['propertyChange', 'dealname'],
      ['propertyChange', 'amount'],
    ]);
    expect(published[0]![0]).toMatchObject({
      portalId: sandbox.portalId,
      objectType: 'deals',
      objectTypeId: '0-3',
      objectId: created.id,
      actor: { changeSource: 'INTEGRATION', sourceId: '1000', appId: 1000 },
    });

    await clientFor(sandbox, WORKFLOW_TOKEN).crm.deals.basicApi.update(created.id, {
      properties: { amount: '20', dealname: 'Feed' },
    });
    expect(published[1]).toEqual([
      expect.objectContaining({
        kind: 'propertyChange',
        propertyName: 'amount',
        propertyValue: '20',
        actor: { changeSource: 'AUTOMATION_PLATFORM' },
      }),
    ]);

    await clientFor(sandbox).crm.deals.basicApi.archive(created.id);
    expect(published[2]).toEqual([expect.objectContaining({ kind: 'deletion', objectId: created.id })]);
  });

  it('publishes nothing for a rejected request', async () => {
    published.length = 0;
    await refusal(
      clientFor(sandbox).crm.deals.basicApi.create({
        properties: { dealname: 'x', nope: 'y' },
        associations: [],
      }),
    );
    expect(published).toEqual([]);
  });

  it('refuses a missing or unknown token with 401 INVALID_AUTHENTICATION', async () => {
    const unknown = await refusal(clientFor(sandbox, 'not-a-token').crm.deals.basicApi.getPage());
    expect(unknown.code).toBe(401);
    expect(unknown.body).toMatchObject({
      status: 'error',
      category: 'INVALID_AUTHENTICATION',
      correlationId: expect.any(String),
    });
    const noOwner = await refusal(clientFor(sandbox, uiToken('424242')).crm.deals.basicApi.getPage());
    expect(noOwner.code).toBe(401);
    const anonymous = await fetch(`${sandbox.url}/crm/v3/objects/deals`);
    expect(anonymous.status).toBe(401);
  });
});
