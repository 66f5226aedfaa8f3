import type { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '#sandbox/server';
import { clientFor, startTestSandbox } from '../support/sandbox';
import { refusal } from './refusals';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = clientFor(sandbox);
});
afterAll(() => sandbox.close());

async function make(type: string, properties: Record<string, string>): Promise<string> {
  return (await client.crm.objects.basicApi.create(type, { properties, associations: [] })).id;
}

describe('associations v4', () => {
  it('associates a deal with a contact by default, stored both ways with HubSpot’s type ids', async () => {
    const deal = await make('deals', { dealname: 'D' });
    const contact = await make('contacts', { email: 'c@example.com' });
    await client.crm.associations.v4.basicApi.createDefault('deals', deal, 'contacts', contact);

    const fromDeal = await client.crm.associations.v4.basicApi.getPage('deals', deal, 'contacts');
    expect(fromDeal.results).toEqual([
      { toObjectId: contact, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3 }] },
    ]);
    const fromContact = await client.crm.associations.v4.basicApi.getPage('contacts', contact, 'deals');
    expect(fromContact.results[0]?.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 4 }]);
  });

  it('makes the first company of a deal its primary one (341 + 5), like HubSpot', async () => {
    const deal = await make('deals', { dealname: 'P' });
    const first = await make('companies', { name: 'First' });
    const second = await make('companies', { name: 'Second' });
    await client.crm.associations.v4.basicApi.createDefault('deals', deal, 'companies', first);
    await client.crm.associations.v4.basicApi.createDefault('deals', deal, 'companies', second);
    const page = await client.crm.associations.v4.basicApi.getPage('deals', deal, 'companies');
    const types = Object.fromEntries(
      page.results.map((r) => [r.toObjectId, r.associationTypes.map((t) => t.typeId).sort((a, b) => a - b)]),
    );
    expect(types).toEqual({ [first]: [5, 341], [second]: [341] });
  });

  it('creates a user-defined label such as Champion and uses it', async () => {
    const created = await client.crm.associations.v4.schema.definitionsApi.create('deals', 'contacts', {
      label: 'Champion',
      name: 'champion',
    });
    const champion = created.results.find((t) => t.label === 'Champion');
    expect(champion).toMatchObject({ category: 'USER_DEFINED' });
    const labels = await client.crm.associations.v4.schema.definitionsApi.getAll('deals', 'contacts');
    expect(labels.results.map((t) => t.typeId)).toEqual(expect.arrayContaining([3, champion!.typeId]));

    const deal = await make('deals', { dealname: 'Champ' });
    const contact = await make('contacts', { email: 'champ@example.com' });
    const pair = await client.crm.associations.v4.basicApi.create('deals', deal, 'contacts', contact, [
      { associationCategory: 'USER_DEFINED' as never, associationTypeId: champion!.typeId },
      { associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 3 },
    ]);
    expect(pair.labels).toEqual(['Champion']);

    const read = await client.crm.associations.v4.batchApi.getPage('contacts', 'deals', {
      inputs: [{ id: contact }],
    });
    expect(read.results[0]?.to[0]?.associationTypes.map((t) => t.label ?? null)).toEqual(
      expect.arrayContaining(['Champion', null]),
    );

    const conflict = await refusal(
      client.crm.associations.v4.schema.definitionsApi.create('deals', 'contacts', {
        label: 'Champion',
        name: 'champion',
      }),
    );
    expect(conflict.code).toBe(409);

    await client.crm.associations.v4.schema.definitionsApi.update('deals', 'contacts', {
      associationTypeId: champion!.typeId,
      label: 'Project champion',
    });
    const renamed = await client.crm.associations.v4.schema.definitionsApi.getAll('deals', 'contacts');
    expect(renamed.results.find((t) => t.typeId === champion!.typeId)?.label).toBe('Project champion');
  });

  it('creates inline associations with a new object, as the v3 create accepts them', async () => {
    const company = await make('companies', { name: 'Inline' });
    const deal = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Inline deal' },
      associations: [
        {
          to: { id: company },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 5 }],
        },
      ],
    });
    const read = await client.crm.deals.basicApi.getById(deal.id, undefined, undefined, ['companies']);
    expect(read.associations?.companies?.results).toEqual([{ id: company, type: 'deal_to_company' }]);
    const bad = await refusal(
      client.crm.deals.basicApi.create({
        properties: { dealname: 'Bad inline' },
        associations: [
          {
            to: { id: '1' },
            types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 5 }],
          },
        ],
      }),
    );
    expect(bad.code).toBe(400);
  });

  it('batch-creates, reads and archives associations; reads at most 1,000 ids', async () => {
    const company = await make('companies', { name: 'Hub' });
    const notes = await Promise.all(
      [1, 2, 3].map((n) => make('notes', { hs_timestamp: '2026-01-01T00:00:00Z', hs_note_body: `n${n}` })),
    );
    await client.crm.associations.v4.batchApi.create('notes', 'companies', {
      inputs: notes.map((id) => ({
        _from: { id },
        to: { id: company },
        types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 190 }],
      })),
    });
    const read = await client.crm.associations.v4.batchApi.getPage('companies', 'notes', {
      inputs: [{ id: company }],
    });
    expect(read.results[0]?._from.id).toBe(company);
    expect(read.results[0]?.to.map((t) => t.toObjectId).sort()).toEqual([...notes].sort());
    expect(read.results[0]?.to[0]?.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 189 }]);

    await client.crm.associations.v4.batchApi.archive('companies', 'notes', {
      inputs: [{ _from: { id: company }, to: [{ id: notes[0]! }] }],
    });
    await client.crm.associations.v4.basicApi.archive('notes', notes[1]!, 'companies', company);
    const after = await client.crm.associations.v4.basicApi.getPage('companies', company, 'notes');
    expect(after.results.map((r) => r.toObjectId)).toEqual([notes[2]]);

    const tooMany = await refusal(
      client.crm.associations.v4.batchApi.getPage('companies', 'notes', {
        inputs: Array.from({ length: 1001 }, (_, i) => ({ id: String(i + 1) })),
      }),
    );
    expect(tooMany.code).toBe(400);
    expect(tooMany.body.message).toContain('1000');
  });

  it('counts associated contacts on the company and forgets associations of archived objects', async () => {
    const company = await make('companies', { name: 'Counted' });
    const contacts = await Promise.all(
      ['a', 'b'].map((n) => make('contacts', { email: `${n}@counted.example` })),
    );
    for (const contact of contacts)
      await client.crm.associations.v4.basicApi.createDefault('contacts', contact, 'companies', company);
    const read = await client.crm.companies.basicApi.getById(company, ['num_associated_contacts']);
    expect(read.properties.num_associated_contacts).toBe('2');
    await client.crm.contacts.basicApi.archive(contacts[0]!);
    const after = await client.crm.companies.basicApi.getById(company, ['num_associated_contacts']);
    expect(after.properties.num_associated_contacts).toBe('1');
  });

  it('answers 404 for an unknown object and 400 for a type id that does not join the pair', async () => {
    const deal = await make('deals', { dealname: 'X' });
    expect(
      (await refusal(client.crm.associations.v4.basicApi.createDefault('deals', deal, 'contacts', '777')))
        .code,
    ).toBe(404);
    const contact = await make('contacts', { email: 'x@example.com' });
    const wrong = await refusal(
      client.crm.associations.v4.basicApi.create('deals', deal, 'contacts', contact, [
        { associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 5 },
      ]),
    );
    expect(wrong.code).toBe(400);
    expect(wrong.body.message).toContain('association type 5');
  });
});
