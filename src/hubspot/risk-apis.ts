/**
 * The HubSpot APIs the risk reader calls. The generic objects module serves every object type
 * (companies, contacts, deals, engagements, tickets) from one codegen import, so the risk
 * Lambdas bundle it once instead of one module per type.
 */
import * as associations from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import * as objects from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import * as pipelines from '@hubspot/api-client/lib/codegen/crm/pipelines/index.js';
import type { HubSpotConnection } from './config';

export function createRiskApis({ baseUrl, accessToken }: HubSpotConnection) {
  const auth = { oauth2: { accessToken } };
  const objectsConfig = objects.createConfiguration({
    baseServer: new objects.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const associationsConfig = associations.createConfiguration({
    baseServer: new associations.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  const pipelinesConfig = pipelines.createConfiguration({
    baseServer: new pipelines.ServerConfiguration(baseUrl, {}),
    authMethods: auth,
  });
  return {
    batch: new objects.BatchApi(objectsConfig),
    search: new objects.SearchApi(objectsConfig),
    associations: new associations.BatchApi(associationsConfig),
    pipelines: new pipelines.PipelinesApi(pipelinesConfig),
  };
}

export type RiskApis = ReturnType<typeof createRiskApis>;
export {
  AssociationSpecAssociationCategoryEnum,
  FilterOperatorEnum,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
export type {
  Filter,
  SimplePublicObject as HubSpotObject,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
