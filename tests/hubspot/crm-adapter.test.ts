import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@hubspot/api-client';
import type { CrmPort } from '#src/crm/port';
import { CrmError } from '#src/crm/errors';
import { stageBeforeWon, wonStageIds } from '#src/handover/won-stages';
import type { RunningSandbox } from '#sandbox/server';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { IMPORT_TOKEN, uiToken } from '#sandbox/tokens';
import { clientFor, startTestSandbox } from '../support/sandbox';
import { crmFor, installDealProperties } from './portal';

let sandbox: RunningSandbox;
let app: Client;
let crm: CrmPort;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  app = clientFor(sandbox);
  crm = crmFor(sandbox);
  await installDealProperties(app);
});
afterAll(() => sandbox.close());

async function createDeal(properties: Record<string, string>, token = IMPORT_TOKEN): Promise<string> {
  const created = await clientFor(sandbox, token).crm.deals.basicApi.create({ properties, associations: [] });
  return created.id;
}

describe('pipelines through the adapter', () => {
  it('finds the won stage of the default pipeline and of a custom pipeline with numeric stage ids', async () => {
    await crm.dealPipelines();
    const custom = await app.crm.pipelines.pipelinesApi.create('deals', {
      label: 'Enterprise',
      displayOrder: 3,
      stages: [
        { label: 'Discovery', displayOrder: 0, metadata: { isClosed: 'false', probability: '0.2' } },
        { label: 'Signed', displayOrder: 1, metadata: { isClosed: 'true', probability: '1.0' } },
        { label: 'Lost', displayOrder: 2, metadata: { isClosed: 'true', probability: '0.0' } },
      ],
    });
    const signed = custom.stages.find((s) => s.label === 'Signed')!.id;

    expect(wonStageIds(await crm.dealPipelines()).has(signed)).toBe(false);
    const refreshed = await crm.dealPipelines({ refresh: true });
    expect([...wonStageIds(refreshed)].sort()).toEqual(['closedwon', signed].sort());
    expect(refreshed.find((p) => p.id === custom.id)?.stages.map((s) => s.label)).toEqual([
      'Discovery',
      'Signed',
      'Lost',
    ]);
  });
});

describe('deals through the adapter', () => {
  it('reads dealstage history, so a deal moved to won goes back to the stage it came from', async () => {
    const dealId = await createDeal({
      dealname: 'History',
      dealstage: 'qualifiedtobuy',
      pipeline: 'default',
    });
    const ui = clientFor(sandbox, uiToken(PORTAL_ADMIN.id));
    await ui.crm.deals.basicApi.update(dealId, { properties: { dealstage: 'presentationscheduled' } });
    await ui.crm.deals.basicApi.update(dealId, { properties: { dealstage: 'closedwon' } });

    const deal = await crm.readDeal(dealId, ['dealname', 'dealstage']);
    expect(deal?.properties.dealstage).toBe('closedwon');
    expect(deal?.dealstageHistory.map((h) => h.value)).toEqual([
      'closedwon',
      'presentationscheduled',
      'qualifiedtobuy',
    ]);
    const pipelines = await crm.dealPipelines();
    const sales = pipelines.find((p) => p.id === 'default')!;
    expect(stageBeforeWon(deal!.dealstageHistory, wonStageIds(pipelines), sales)).toBe(
      'presentationscheduled',
    );
  });

  it('lists the contacts associated with the deal and reads them in a batch', async () => {
    const dealId = await createDeal({ dealname: 'Contacts', dealstage: 'contractsent' });
    const withEmail = await app.crm.contacts.basicApi.create({
      properties: { email: 'dana@acme.example', firstname: 'Dana', lastname: 'Ruiz' },
      associations: [],
    });
    const withoutEmail = await app.crm.contacts.basicApi.create({
      properties: { firstname: 'Sam' },
      associations: [],
    });
    await app.crm.associations.v4.basicApi.createDefault('deals', dealId, 'contacts', withEmail.id);

    expect((await crm.readDeal(dealId, ['dealstage']))?.contactIds).toEqual([withEmail.id]);
    const contacts = await crm.readContacts([withEmail.id, withoutEmail.id, '999999999']);
    expect(contacts.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: withEmail.id, email: 'dana@acme.example', firstName: 'Dana', lastName: 'Ruiz' },
        { id: withoutEmail.id, email: null, firstName: 'Sam', lastName: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('answers null for a deal that does not exist', async () => {
    expect(await crm.readDeal('999999999', ['dealstage'])).toBeNull();
  });

  it('writes properties in one update', async () => {
    const dealId = await createDeal({ dealname: 'Write', dealstage: 'closedwon' });
    await crm.updateDeal(dealId, { dealstage: 'contractsent', rg_gate_status: 'blocked' });
    const read = await app.crm.deals.basicApi.getById(dealId, ['dealstage', 'rg_gate_status']);
    expect(read.properties).toMatchObject({ dealstage: 'contractsent', rg_gate_status: 'blocked' });
  });

  it('turns a rejected write into a permanent validation error carrying HubSpot’s message', async () => {
    const dealId = await createDeal({ dealname: 'Reject', dealstage: 'closedwon' });
    const error = await crm.updateDeal(dealId, { rg_gate_status: 'maybe' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'validation', retryable: false, details: { status: 400 } });
    expect((error as CrmError).message).toMatch(/^HubSpot could not update deal \d+: .*maybe/);
  });
});

describe('notes and tasks through the adapter', () => {
  it('creates a note and an owner’s task, both associated with the deal', async () => {
    const dealId = await createDeal({ dealname: 'Engagements', dealstage: 'contractsent' });
    const note = await crm.createNote({
      dealId,
      body: 'Handover incomplete',
      timestamp: '2026-07-01T09:00:00.000Z',
    });
    const task = await crm.createTask({
      dealId,
      subject: 'Complete the handover',
      body: '- Champion: not chosen',
      dueAt: '2026-07-02T09:00:00.000Z',
      ownerId: PORTAL_ADMIN.id,
    });

    const deal = await app.crm.deals.basicApi.getById(dealId, [], [], ['notes', 'tasks']);
    expect(deal.associations?.notes?.results.map((r) => r.id)).toContain(note.id);
    expect(deal.associations?.tasks?.results.map((r) => r.id)).toContain(task.id);
    const stored = await app.crm.objects.tasks.basicApi.getById(task.id, [
      'hs_task_subject',
      'hubspot_owner_id',
      'hs_task_status',
      'hs_timestamp',
    ]);
    expect(stored.properties).toMatchObject({
      hs_task_subject: 'Complete the handover',
      hubspot_owner_id: PORTAL_ADMIN.id,
      hs_task_status: 'NOT_STARTED',
    });
    expect(Date.parse(stored.properties.hs_timestamp ?? '')).toBe(Date.parse('2026-07-02T09:00:00.000Z'));
  });
});

describe('owners through the adapter', () => {
  it('finds the owner of a signed-in user, and nobody for an unknown user', async () => {
    expect(await crm.ownerByUserId(PORTAL_ADMIN.userId)).toMatchObject({
      id: PORTAL_ADMIN.id,
      userId: PORTAL_ADMIN.userId,
      email: PORTAL_ADMIN.email,
      teams: [],
    });
    expect(await crm.ownerByUserId(424242)).toBeNull();
    expect(await crm.ownerById(PORTAL_ADMIN.id)).toMatchObject({ userId: PORTAL_ADMIN.userId });
    expect((await crm.owners()).map((o) => o.id)).toContain(PORTAL_ADMIN.id);
  });
});
