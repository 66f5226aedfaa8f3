import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { uiToken } from '#sandbox/tokens';
import { clientFor, startTestSandbox } from '../support/sandbox';

const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps objects, history with sources, labels, associations and properties across a restart', async () => {
    const first = await startTestSandbox({ dataDir });
    const app = clientFor(first);
    await app.crm.properties.coreApi.create('deals', {
      name: 'rg_kept',
      label: 'Kept',
      type: 'string' as never,
      fieldType: 'text' as never,
      groupName: 'dealinformation',
    });
    const deal = await app.crm.deals.basicApi.create({
      properties: { dealname: 'Persisted', dealstage: 'qualifiedtobuy', rg_kept: 'yes' },
      associations: [],
    });
    await clientFor(first, uiToken(PORTAL_ADMIN.id)).crm.deals.basicApi.update(deal.id, {
      properties: { dealstage: 'closedwon' },
    });
    const contact = await app.crm.contacts.basicApi.create({
      properties: { email: 'kept@example.com' },
      associations: [],
    });
    const label = await app.crm.associations.v4.schema.definitionsApi.create('deals', 'contacts', {
      label: 'Champion',
      name: 'champion',
    });
    const championTypeId = label.results[0]!.typeId;
    await app.crm.associations.v4.basicApi.create('deals', deal.id, 'contacts', contact.id, [
      { associationCategory: 'USER_DEFINED' as never, associationTypeId: championTypeId },
    ]);
    const archived = await app.crm.deals.basicApi.create({
      properties: { dealname: 'Archived' },
      associations: [],
    });
    await app.crm.deals.basicApi.archive(archived.id);
    await first.close();

    const second = await startTestSandbox({ dataDir });
    const again = clientFor(second);
    const read = await again.crm.deals.basicApi.getById(deal.id, ['dealname', 'rg_kept'], ['dealstage']);
    expect(read.properties).toMatchObject({ dealname: 'Persisted', rg_kept: 'yes' });
    expect(read.propertiesWithHistory?.dealstage?.map((e) => [e.value, e.sourceType, e.sourceId])).toEqual([
      ['closedwon', 'CRM_UI', `userId:${PORTAL_ADMIN.userId}`],
      ['qualifiedtobuy', 'INTEGRATION', '1000'],
    ]);
    const links = await again.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'deals');
    expect(links.results[0]?.associationTypes).toEqual([
      expect.objectContaining({ category: 'USER_DEFINED', label: 'Champion' }),
    ]);
    expect((await again.crm.deals.basicApi.getPage()).results.map((d) => d.id)).toEqual([deal.id]);
    const next = await again.crm.deals.basicApi.create({
      properties: { dealname: 'After restart' },
      associations: [],
    });
    expect(Number(next.id)).toBeGreaterThan(Number(archived.id));
    await second.close();
  });
});
