/**
 * The HubSpot APIs the adapter calls, imported one codegen module at a time: the package root's
 * `Client` pulls in every HubSpot API (~4.9 MB bundled), these few stay a fraction of that.
 * Each module has its own configuration classes; retries and rate limiting are ours (see RetryingCaller).
 */
import * as associations from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import * as contacts from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import * as deals from '@hubspot/api-client/lib/codegen/crm/deals/index.js';
import * as notes from '@hubspot/api-client/lib/codegen/crm/objects/notes/index.js';
import * as tasks from '@hubspot/api-client/lib/codegen/crm/objects/tasks/index.js';
import * as owners from '@hubspot/api-client/lib/codegen/crm/owners/index.js';
import * as pipelines from '@hubspot/api-client/lib/codegen/crm/pipelines/index.js';
import type { HubSpotConnection } from './config';

export function createHubSpotApis({ baseUrl, accessToken }: HubSpotConnection) {
  const auth = { oauth2: { accessToken } };
  const dealsConfig = deals.createConfiguration({
    baseServer: new deals.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const contactsConfig = contacts.createConfiguration({
    baseServer: new contacts.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const notesConfig = notes.createConfiguration({
    baseServer: new notes.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const tasksConfig = tasks.createConfiguration({
    baseServer: new tasks.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const ownersConfig = owners.createConfiguration({
    baseServer: new owners.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const pipelinesConfig = pipelines.createConfiguration({
    baseServer: new pipelines.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const associationsConfig = associations.createConfiguration({
    baseServer: new associations.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  return {
    deals: new deals.BasicApi(dealsConfig),
    dealBatches: new deals.BatchApi(dealsConfig),
    associationBatches: new associations.BatchApi(associationsConfig),
    noteBatches: new notes.BatchApi(notesConfig),
    taskBatches: new tasks.BatchApi(tasksConfig),
    dealSearch: new deals.SearchApi(dealsConfig),
    contacts: new contacts.BatchApi(contactsConfig),
    notes: new notes.BasicApi(notesConfig),
    tasks: new tasks.BasicApi(tasksConfig),
    owners: new owners.OwnersApi(ownersConfig),
    pipelines: new pipelines.PipelinesApi(pipelinesConfig),
  };
}

export type HubSpotApis = ReturnType<typeof createHubSpotApis>;
export { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/deals/index.js';
export type { Filter, FilterGroup } from '@hubspot/api-client/lib/codegen/crm/deals/index.js';
export { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/notes/index.js';
export type { PublicOwner } from '@hubspot/api-client/lib/codegen/crm/owners/index.js';
export type { Pipeline as HubSpotPipeline } from '@hubspot/api-client/lib/codegen/crm/pipelines/index.js';
