import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '#sandbox/server';
import { todayUtc } from '#sandbox/seed/choose';
import { APP_TOKEN } from '#sandbox/tokens';
import { findWalkthroughDeal, walkthroughText } from '../../local/walkthrough.ts';
import { startTestSandbox } from '../support/sandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
  // As `npm start` seeds it: the demo portal as of today.
  sandbox = await startTestSandbox({ seed: { name: 'demo', asOf: todayUtc() } });
}, 120_000);
afterAll(() => sandbox?.close());

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    headers: { authorization: `Bearer ${APP_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the deal npm start offers for the README walkthrough', () => {
  it('is an open new-business deal in Contract Sent without a champion, with an owner who signs in and a contact with an email', async () => {
    const found = await findWalkthroughDeal(sandbox.url);
    expect(found).not.toBeNull();
    const { dealId, ownerId, userId, contactId } = found!;

    const deal = await get<{ properties: Record<string, string | null> }>(
      `/crm/v3/objects/deals/${dealId}?properties=pipeline,dealstage,dealtype,hubspot_owner_id,rg_champion_contact_id`,
    );
    expect(deal.properties).toMatchObject({
      pipeline: 'default',
      dealstage: 'contractsent',
      dealtype: 'newbusiness',
      hubspot_owner_id: ownerId,
      rg_champion_contact_id: null,
    });
    expect((await get<{ userId: number }>(`/crm/v3/owners/${ownerId}`)).userId).toBe(userId);
    const contacts = await get<{ results: { toObjectId: number }[] }>(
      `/crm/v4/objects/deals/${dealId}/associations/contacts`,
    );
    expect(contacts.results.map((c) => String(c.toObjectId))).toContain(contactId);
    const contact = await get<{ properties: { email: string | null } }>(
      `/crm/v3/objects/contacts/${contactId}?properties=email`,
    );
    expect(contact.properties.email).toMatch(/@/);

    const text = walkthroughText(sandbox.url, found);
    expect(text).toContain(
      `/crm/v3/objects/deals/${dealId} -H 'authorization: Bearer sandbox-ui-${ownerId}'`,
    );
    expect(text).toContain(`npm run card -- GET /deals/${dealId}/handover --user ${userId}`);
    expect(text).toContain(`"rg_champion_contact_id": "${contactId}"`);
  });

  it('falls back to a generic hint when the portal has no such deal', async () => {
    const empty = await startTestSandbox();
    try {
      const found = await findWalkthroughDeal(empty.url);
      expect(found).toBeNull();
      expect(walkthroughText(empty.url, found)).toContain('/crm/v3/objects/deals/<id>');
    } finally {
      await empty.close();
    }
  });
});
