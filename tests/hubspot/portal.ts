import type { Client } from '@hubspot/api-client';
import type {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { PROPERTY_CATALOG } from '#src/hubspot/catalog/index';
import { createHubSpotCrm } from '#src/hubspot/crm-adapter';
import type { RunningSandbox } from '#sandbox/server';
import { APP_TOKEN } from '#sandbox/tokens';

/** Renewal Guard's deal properties, as `npm run setup` would create them in a fresh portal. */
export async function installDealProperties(client: Client): Promise<void> {
  const { groups, properties } = PROPERTY_CATALOG.deals;
  for (const group of groups) await client.crm.properties.groupsApi.create('deals', group);
  for (const { readOnlyForUsers: _backendOnly, ...property } of properties) {
    // The catalog's type names are HubSpot's enum values, spelled as plain strings.
    await client.crm.properties.coreApi.create('deals', {
      ...property,
      type: property.type as PropertyCreateTypeEnum,
      fieldType: property.fieldType as PropertyCreateFieldTypeEnum,
    });
  }
}

/** The adapter as production builds it, pointed at the sandbox, with back-offs that do not wait. */
export function crmFor(sandbox: RunningSandbox, token = APP_TOKEN) {
  return createHubSpotCrm({ baseUrl: sandbox.url, accessToken: token, sleep: async () => {} });
}
