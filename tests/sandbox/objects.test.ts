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

const deal = (properties: Record<string, string>) =>
  client.crm.deals.basicApi.create({ properties, associations: [] });

describe('CRM objects v3', () => {
  it('creates a deal and reads it back with strings on the wire and dates as the client parses them', async () => {
    const created = await deal({
      dealname: 'Acme renewal',
      amount: '12000.5',
      closedate: '2026-06-30',
      dealstage: 'qualifiedtobuy',
      pipeline: 'default',
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.createdAt).toBeInstanceOf(Date);

    const read = await client.crm.deals.basicApi.getById(created.id);
    expect(read.properties).toMatchObject({
      dealname: 'Acme renewal',
      amount: '12000.5',
      closedate: '2026-06-30T00:00:00.000Z',
      dealstage: 'qualifiedtobuy',
      pipeline: 'default',
      hs_object_id: created.id,
    });
    expect(Object.keys(read.properties).sort()).toEqual(
      [
        'amount',
        'closedate',
        'createdate',
        'dealname',
        'dealstage',
        'hs_lastmodifieddate',
        'hs_object_id',
        'pipeline',
      ].sort(),
    );
  });

  it('returns only the requested properties plus HubSpot’s own three, with null for unset ones', async () => {
    const created = await deal({ dealname: 'Only some' });
    const read = await client.crm.deals.basicApi.getById(created.id, [
      'dealname',
      'amount',
      'no_such_property',
    ]);
    expect(read.properties).toEqual({
      dealname: 'Only some',
      amount: null,
      hs_object_id: created.id,
      createdate: expect.any(String),
      hs_lastmodifieddate: expect.any(String),
    });
  });

  it('names the creation property per type: contacts say lastmodifieddate, engagements hs_createdate', async () => {
    const contact = await client.crm.contacts.basicApi.create({
      properties: { email: 'ann@example.com' },
      associations: [],
    });
    expect(Object.keys(contact.properties)).toEqual(
      expect.arrayContaining(['createdate', 'lastmodifieddate']),
    );
    const note = await client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: '2026-01-05T10:00:00Z', hs_note_body: 'Called' },
      associations: [],
    });
    expect(Object.keys(note.properties)).toEqual(
      expect.arrayContaining(['hs_createdate', 'hs_lastmodifieddate']),
    );
  });

  it('accepts object type ids in the path', async () => {
    const created = await client.crm.objects.basicApi.create('0-2', {
      properties: { name: 'By type id' },
      associations: [],
    });
    const read = await client.crm.companies.basicApi.getById(created.id, ['name']);
    expect(read.properties.name).toBe('By type id');
  });

  it('pages through a list with limit and after', async () => {
    const names = ['Page A', 'Page B', 'Page C', 'Page D', 'Page E'];
    for (const name of names)
      await client.crm.objects.basicApi.create('tickets', {
        properties: { subject: name },
        associations: [],
      });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.crm.tickets.basicApi.getPage(2, after, ['subject']);
      expect(page.results.length).toBeLessThanOrEqual(2);
      seen.push(...page.results.map((ticket) => ticket.properties.subject ?? ''));
      after = page.paging?.next?.after;
    } while (after);
    expect(seen).toEqual(names);
  });

  it('archives with 204, then answers 404 in HubSpot’s shape; archived=true still finds it', async () => {
    const created = await deal({ dealname: 'Going away' });
    await client.crm.deals.basicApi.archive(created.id);
    const missing = await refusal(client.crm.deals.basicApi.getById(created.id));
    expect(missing.code).toBe(404);
    expect(missing.body).toMatchObject({
      status: 'error',
      message: 'resource not found',
      category: 'OBJECT_NOT_FOUND',
    });
    const archived = await client.crm.deals.basicApi.getById(
      created.id,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(archived.archived).toBe(true);
  });

  it('refuses unknown properties naming them, and changes nothing', async () => {
    const created = await deal({ dealname: 'Stays' });
    const refused = await refusal(
      client.crm.deals.basicApi.update(created.id, { properties: { dealname: 'Changed', foo: '1' } }),
    );
    expect(refused.code).toBe(400);
    expect(refused.body.category).toBe('VALIDATION_ERROR');
    expect(refused.body.message).toBe(
      'Property values were not valid: [{"isValid":false,"message":"Property \\"foo\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"foo"}]',
    );
    const read = await client.crm.deals.basicApi.getById(created.id, ['dealname']);
    expect(read.properties.dealname).toBe('Stays');
  });

  it('checks enumeration values against the property’s options', async () => {
    const refused = await refusal(deal({ dealname: 'Bad stage', dealstage: 'almost_won' }));
    expect(refused.code).toBe(400);
    expect(refused.body.message).toContain('almost_won was not one of the allowed options');
    expect(refused.body.message).toContain('"name":"dealstage"');
    const ok = await client.crm.objects.emails.basicApi.create({
      properties: { hs_timestamp: '1767225600000', hs_email_direction: 'INCOMING_EMAIL' },
      associations: [],
    });
    expect(ok.properties.hs_email_direction).toBe('INCOMING_EMAIL');
  });

  it('validates numbers, dates and datetimes', async () => {
    const number = await refusal(deal({ amount: 'ten thousand' }));
    expect(number.body.message).toContain('"name":"amount"');
    const datetime = await refusal(deal({ closedate: 'next tuesday' }));
    expect(datetime.body.message).toContain('"name":"closedate"');
  });

  it('keeps datetimes given as epoch ms and dates given as YYYY-MM-DD', async () => {
    await client.crm.properties.coreApi.create('deals', {
      name: 'renewal_date_test',
      label: 'Renewal date',
      type: 'date' as never,
      fieldType: 'date' as never,
      groupName: 'dealinformation',
    });
    const created = await deal({ renewal_date_test: '2026-09-01', closedate: '1767225600000' });
    expect(created.properties).toMatchObject({
      renewal_date_test: '2026-09-01',
      closedate: '2026-01-01T00:00:00.000Z',
    });
    const refused = await refusal(deal({ renewal_date_test: '1767229200000' }));
    expect(refused.body.message).toContain('Dates must be at midnight UTC');
  });

  it('refuses writes to properties HubSpot computes', async () => {
    const refused = await refusal(deal({ hs_object_id: '5' }));
    expect(refused.body.message).toContain('READ_ONLY_VALUE');
  });

  it('refuses an unknown object type and a malformed body with HubSpot-shaped 400s', async () => {
    const unknown = await refusal(client.crm.objects.basicApi.getPage('widgets'));
    expect(unknown.code).toBe(400);
    expect(unknown.body.message).toContain('widgets');
    const response = await fetch(`${sandbox.url}/crm/v3/objects/deals`, {
      method: 'POST',
      headers: { authorization: 'Bearer sandbox-app', 'content-type': 'application/json' },
      body: '{"properties": {',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('Invalid input JSON'),
    });
    const wrongShape = await fetch(`${sandbox.url}/crm/v3/objects/deals`, {
      method: 'POST',
      headers: { authorization: 'Bearer sandbox-app', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: ['dealname'] }),
    });
    expect(wrongShape.status).toBe(400);
    expect(((await wrongShape.json()) as { message: string }).message).toContain(
      'properties must be an object',
    );
  });

  it('answers 404 for ids that are not numbers', async () => {
    expect((await refusal(client.crm.deals.basicApi.getById('abc'))).code).toBe(404);
  });
});

describe('batch endpoints', () => {
  it('creates, reads, updates and archives up to 100 objects at a time', async () => {
    const created = await client.crm.deals.batchApi.create({
      inputs: Array.from({ length: 100 }, (_, i) => ({
        properties: { dealname: `Batch ${i}`, amount: String(i) },
        associations: [],
      })),
    });
    expect(created.results).toHaveLength(100);
    const ids = created.results.map((d) => d.id);

    const read = await client.crm.deals.batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties: ['amount'],
      propertiesWithHistory: [],
    });
    expect(read.results.map((d) => d.properties.amount).sort((a, b) => Number(a) - Number(b))).toEqual(
      ids.map((_, i) => String(i)),
    );

    const updated = await client.crm.deals.batchApi.update({
      inputs: ids.slice(0, 3).map((id) => ({ id, properties: { amount: '999' } })),
    });
    expect(updated.results.map((d) => d.properties.amount)).toEqual(['999', '999', '999']);

    await client.crm.deals.batchApi.archive({ inputs: ids.slice(0, 50).map((id) => ({ id })) });
    const after = await client.crm.deals.batchApi.read({
      inputs: ids.slice(45, 55).map((id) => ({ id })),
      properties: [],
      propertiesWithHistory: [],
    });
    expect(after.results).toHaveLength(5);
    expect('errors' in after ? after.errors?.[0] : undefined).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ids.slice(45, 50) },
    });
  });

  it('refuses 101 inputs with VALIDATION_ERROR and creates nothing', async () => {
    const before = await countDeals();
    const refused = await refusal(
      client.crm.deals.batchApi.create({
        inputs: Array.from({ length: 101 }, () => ({
          properties: { dealname: 'Too many' },
          associations: [],
        })),
      }),
    );
    expect(refused.code).toBe(400);
    expect(refused.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('101'),
    });
    expect(await countDeals()).toBe(before);
  });

  it('rejects a whole batch when one input is bad', async () => {
    const before = await countDeals();
    const refused = await refusal(
      client.crm.deals.batchApi.create({
        inputs: [
          { properties: { dealname: 'Good' }, associations: [] },
          { properties: { dealname: 'Bad', dealstage: 'nope' }, associations: [] },
        ],
      }),
    );
    expect(refused.code).toBe(400);
    expect(await countDeals()).toBe(before);
  });

  it('refuses a batch update naming ids that do not exist, updating none', async () => {
    const good = await deal({ dealname: 'Untouched' });
    const refused = await refusal(
      client.crm.deals.batchApi.update({
        inputs: [
          { id: good.id, properties: { dealname: 'Touched' } },
          { id: '999999999', properties: { dealname: 'x' } },
        ],
      }),
    );
    expect(refused.code).toBe(400);
    expect(refused.body.message).toContain('999999999');
    expect((await client.crm.deals.basicApi.getById(good.id, ['dealname'])).properties.dealname).toBe(
      'Untouched',
    );
  });
});

async function countDeals(): Promise<number> {
  let count = 0;
  let after: string | undefined;
  do {
    const page = await client.crm.deals.basicApi.getPage(100, after);
    count += page.results.length;
    after = page.paging?.next?.after;
  } while (after);
  return count;
}
