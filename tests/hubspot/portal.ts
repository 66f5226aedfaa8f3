import type { Client } from '@hubspot/api-client';
import { PROPERTY_CATALOG } from '#src/hubspot/catalog/index';
import { createHubSpotCrm } from '#src/hubspot/crm-adapter';
import type { RunningSandbox } from '#sandbox/server';
import { APP_TOKEN } from '#sandbox/tokens';

/** Renewal Guard's deal properties, as `npm run setup` would create them in a fresh portal. */
export async function installDealProperties(client: Client): Promise<void> {
  const { groups, properties } = PROPERTY_CATALOG.deals;
  for (const group of groups) await client.crm.properties.groupsApi.create('deals', group);
  for (const { readOnlyForUsers: _backendOnly, ...property } of properties) {
    await client.crm.properties.coreApi.create('deals', property);
  }
}

/** The adapter as production builds it, pointed at the sandbox, with back-offs that do not wait. */
export function crmFor(sandbox: RunningSandbox, token = APP_TOKEN) {
  return createHubSpotCrm({ baseUrl: sandbox.url, accessToken: token, sleep: async () => {} });
}
