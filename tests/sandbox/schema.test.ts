import type { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '#sandbox/server';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { clientFor, startTestSandbox } from '../support/sandbox';
import { refusal } from './refusals';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = clientFor(sandbox);
});
afterAll(() => sandbox.close());

describe('pipelines', () => {
  it('has HubSpot’s default deal pipeline with string probabilities', async () => {
    const pipeline = await client.crm.pipelines.pipelinesApi.getById('deals', 'default');
    expect(pipeline.stages.map((s) => [s.id, s.label, s.metadata])).toEqual([
      ['appointmentscheduled', 'Appointment Scheduled', { isClosed: 'false', probability: '0.2' }],
      ['qualifiedtobuy', 'Qualified To Buy', { isClosed: 'false', probability: '0.4' }],
      ['presentationscheduled', 'Presentation Scheduled', { isClosed: 'false', probability: '0.6' }],
      ['decisionmakerboughtin', 'Decision Maker Bought-In', { isClosed: 'false', probability: '0.8' }],
      ['contractsent', 'Contract Sent', { isClosed: 'false', probability: '0.9' }],
      ['closedwon', 'Closed Won', { isClosed: 'true', probability: '1.0' }],
      ['closedlost', 'Closed Lost', { isClosed: 'true', probability: '0.0' }],
    ]);
  });

  it('has the support pipeline 0 with ticket states', async () => {
    const stages = await client.crm.pipelines.pipelineStagesApi.getAll('tickets', '0');
    expect(stages.results.map((s) => [s.id, s.metadata?.ticketState])).toEqual([
      ['1', 'OPEN'],
      ['2', 'OPEN'],
      ['3', 'OPEN'],
      ['4', 'CLOSED'],
    ]);
  });

  it('creates a custom pipeline with numeric stage ids that deals can then use', async () => {
    const created = await client.crm.pipelines.pipelinesApi.create('deals', {
      label: 'Renewals',
      displayOrder: 1,
      stages: [
        { label: 'Renewal due', displayOrder: 0, metadata: { isClosed: 'false', probability: '0.5' } },
        { label: 'Renewed', displayOrder: 1, metadata: { isClosed: 'true', probability: '1.0' } },
      ],
    });
    expect(created.id).toMatch(/^\d+$/);
    const won = created.stages[1]!;
    expect(won.id).toMatch(/^\d+$/);
    const deal = await client.crm.deals.basicApi.create({
      properties: { pipeline: created.id, dealstage: won.id },
      associations: [],
    });
    expect(deal.properties.dealstage).toBe(won.id);
    expect((await refusal(client.crm.pipelines.pipelinesApi.getById('deals', 'nope'))).code).toBe(404);

    // A stage must be one of the deal's own pipeline, not of any pipeline: nothing is written.
    const wrongPipeline = await refusal(
      client.crm.deals.basicApi.update(deal.id, { properties: { dealstage: 'closedwon' } }),
    );
    expect(wrongPipeline.code).toBe(400);
    expect(wrongPipeline.body.message).toContain(`closedwon is not a stage of pipeline ${created.id}`);
    expect(wrongPipeline.body.message).toContain('"name":"dealstage"');
    const sales = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Sales deal', dealstage: 'contractsent' },
      associations: [],
    });
    const batch = await refusal(
      client.crm.deals.batchApi.update({
        inputs: [
          { id: sales.id, properties: { dealname: 'Renamed' } },
          { id: deal.id, properties: { dealstage: 'appointmentscheduled' } },
        ],
      }),
    );
    expect(batch.code).toBe(400);
    expect(batch.body.message).toContain(`appointmentscheduled is not a stage of pipeline ${created.id}`);
    const [salesAfter, dealAfter] = await Promise.all([
      client.crm.deals.basicApi.getById(sales.id, ['dealname']),
      client.crm.deals.basicApi.getById(deal.id, ['dealstage']),
    ]);
    expect(salesAfter.properties.dealname).toBe('Sales deal');
    expect(dealAfter.properties.dealstage).toBe(won.id);
    // Moving to another pipeline with one of its stages is fine.
    const moved = await client.crm.deals.basicApi.update(deal.id, {
      properties: { pipeline: 'default', dealstage: 'closedwon' },
    });
    expect(moved.properties).toMatchObject({ pipeline: 'default', dealstage: 'closedwon' });
    const created2 = await refusal(
      client.crm.deals.basicApi.create({ properties: { dealstage: won.id }, associations: [] }),
    );
    expect(created2.body.message).toContain(`${won.id} is not a stage of pipeline default`);
  });
});

describe('properties', () => {
  it('lists the standard properties the app reads', async () => {
    const companies = await client.crm.properties.coreApi.getAll('companies');
    expect(companies.results.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'name',
        'domain',
        'numberofemployees',
        'notes_last_contacted',
        'hs_last_sales_activity_timestamp',
        'hubspot_owner_id',
      ]),
    );
    const direction = await client.crm.properties.coreApi.getByName('emails', 'hs_email_direction');
    expect(direction.options.map((o) => o.value)).toEqual(['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']);
    const stage = await client.crm.properties.coreApi.getByName('deals', 'dealstage');
    expect(stage.options.map((o) => o.value)).toContain('closedwon');
    const owner = await client.crm.properties.coreApi.getByName('deals', 'hubspot_owner_id');
    expect(owner.options.map((o) => o.value)).toContain(PORTAL_ADMIN.id);
  });

  it('creates a group and an enumeration property, refuses a duplicate with 409, and enforces its options', async () => {
    await client.crm.properties.groupsApi.create('deals', {
      name: 'renewal_guard_test',
      label: 'Renewal Guard test',
      displayOrder: 1,
    });
    const group = await client.crm.properties.groupsApi.getByName('deals', 'renewal_guard_test');
    expect(group.label).toBe('Renewal Guard test');
    const property = {
      name: 'rg_test_status',
      label: 'Test status',
      type: 'enumeration' as never,
      fieldType: 'select' as never,
      groupName: 'renewal_guard_test',
      options: [
        { label: 'Clear', value: 'clear', hidden: false, displayOrder: 0 },
        { label: 'Blocked', value: 'blocked', hidden: false, displayOrder: 1 },
      ],
    };
    const created = await client.crm.properties.coreApi.create('deals', property);
    expect(created).toMatchObject({ name: 'rg_test_status', type: 'enumeration', hubspotDefined: false });
    expect((await refusal(client.crm.properties.coreApi.create('deals', property))).code).toBe(409);

    const refused = await refusal(
      client.crm.deals.basicApi.create({ properties: { rg_test_status: 'maybe' }, associations: [] }),
    );
    expect(refused.body.message).toContain('"name":"rg_test_status"');

    await client.crm.properties.coreApi.update('deals', 'rg_test_status', {
      options: [...property.options, { label: 'Flagged', value: 'flagged', hidden: false, displayOrder: 2 }],
    });
    const deal = await client.crm.deals.basicApi.create({
      properties: { rg_test_status: 'flagged' },
      associations: [],
    });
    expect(deal.properties.rg_test_status).toBe('flagged');

    const batch = await client.crm.properties.batchApi.read('deals', {
      archived: false,
      inputs: [{ name: 'rg_test_status' }, { name: 'dealname' }],
    });
    expect(batch.results.map((p) => p.name).sort()).toEqual(['dealname', 'rg_test_status']);
  });

  it('refuses a property in a group that does not exist and a type HubSpot does not have', async () => {
    const noGroup = await refusal(
      client.crm.properties.coreApi.create('companies', {
        name: 'x_prop',
        label: 'X',
        type: 'string' as never,
        fieldType: 'text' as never,
        groupName: 'nope',
      }),
    );
    expect(noGroup.body.message).toContain('groupName');
    const badType = await refusal(
      client.crm.properties.coreApi.create('companies', {
        name: 'y_prop',
        label: 'Y',
        type: 'money' as never,
        fieldType: 'text' as never,
        groupName: 'companyinformation',
      }),
    );
    expect(badType.body.message).toContain('type must be one of');
  });
});

describe('owners', () => {
  it('lists owners with teams and user ids, filters by email, and reads one', async () => {
    const page = await client.crm.owners.ownersApi.getPage(PORTAL_ADMIN.email);
    expect(page.results).toEqual([
      expect.objectContaining({ id: PORTAL_ADMIN.id, userId: PORTAL_ADMIN.userId, teams: [] }),
    ]);
    const one = await client.crm.owners.ownersApi.getById(Number(PORTAL_ADMIN.id));
    expect(one.email).toBe(PORTAL_ADMIN.email);
    const byUser = await client.crm.owners.ownersApi.getById(PORTAL_ADMIN.userId, 'userId');
    expect(byUser.id).toBe(PORTAL_ADMIN.id);
    expect((await refusal(client.crm.owners.ownersApi.getById(1))).code).toBe(404);
  });
});

describe('search', () => {
  it('searches through the engine and returns the requested properties', async () => {
    await client.crm.deals.basicApi.create({
      properties: { dealname: 'Searchable', amount: '5000' },
      associations: [],
    });
    const page = await client.crm.deals.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'dealname', operator: 'EQ' as never, value: 'Searchable' }] },
      ],
      properties: ['amount'],
      limit: 10,
    });
    expect(page.total).toBe(1);
    expect(page.results[0]?.properties).toMatchObject({ amount: '5000' });
    const bad = await refusal(
      client.crm.deals.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'NOPE' as never, value: '1' }] }],
      }),
    );
    expect(bad.code).toBe(400);
    expect(bad.body.category).toBe('VALIDATION_ERROR');
  });
});
