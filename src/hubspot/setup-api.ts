import * as labels from '@hubspot/api-client/lib/codegen/crm/associations/v4/schema/index.js';
import * as properties from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import type { PropertyGroupDefinition, PropertyOption } from './catalog/index';
import type { HubSpotConnection } from './config';
import { RateLimiter } from './rate-limiter';
import { DEFAULT_RETRY, RetryingCaller, type Sleep } from './retrying-call';
import type { PortalProperty, PortalSchemaApi } from './setup';

type PropertyType = properties.PropertyCreateTypeEnum;
type FieldType = properties.PropertyCreateFieldTypeEnum;

/** Setup's schema calls over HubSpot's properties and association-label APIs, with our retries on 429s. */
export function createHubSpotSetupApi(
  connection: HubSpotConnection,
  options: { sleep?: Sleep } = {},
): PortalSchemaApi {
  const auth = { authMethods: { oauth2: { accessToken: connection.accessToken } } };
  const propertiesConfig = properties.createConfiguration({
    baseServer: new properties.ServerConfiguration(connection.baseUrl, {}),
    ...auth,
  });
  const labelsConfig = labels.createConfiguration({
    baseServer: new labels.ServerConfiguration(connection.baseUrl, {}),
    ...auth,
  });
  const core = new properties.CoreApi(propertiesConfig);
  const groupsApi = new properties.GroupsApi(propertiesConfig);
  const definitions = new labels.DefinitionsApi(labelsConfig);
  const caller = new RetryingCaller(
    new RateLimiter({ maxRequests: 100, intervalMs: 10_000, maxConcurrent: 1 }),
    DEFAULT_RETRY,
    ...(options.sleep ? [options.sleep] : []),
  );
  const call = caller.call.bind(caller);
  const body = (property: PortalProperty) => ({
    ...property,
    // The catalog spells HubSpot's enum values as plain strings.
    type: property.type as PropertyType,
    fieldType: property.fieldType as FieldType,
    ...(property.options ? { options: property.options.map((o) => ({ ...o })) } : {}),
  });

  return {
    groups: async (objectType) =>
      (await call(`read ${objectType} property groups`, () => groupsApi.getAll(objectType))).results.map(
        (g): PropertyGroupDefinition => ({ name: g.name, label: g.label, displayOrder: g.displayOrder }),
      ),
    createGroup: async (objectType, group) => {
      await call(`create ${objectType} property group ${group.name}`, () =>
        groupsApi.create(objectType, group),
      );
    },
    updateGroup: async (objectType, { name, label, displayOrder }) => {
      await call(`update ${objectType} property group ${name}`, () =>
        groupsApi.update(objectType, name, { label, displayOrder }),
      );
    },
    properties: async (objectType) =>
      (await call(`read ${objectType} properties`, () => core.getAll(objectType, false))).results.map(
        (p): PortalProperty => ({
          name: p.name,
          label: p.label,
          description: p.description,
          groupName: p.groupName,
          type: p.type as PortalProperty['type'],
          fieldType: p.fieldType as PortalProperty['fieldType'],
          options: p.options.map((o): PropertyOption => ({
            value: o.value,
            label: o.label,
            displayOrder: o.displayOrder ?? -1,
            hidden: o.hidden,
          })),
        }),
      ),
    createProperty: async (objectType, property) => {
      await call(`create ${objectType} property ${property.name}`, () =>
        core.create(objectType, body(property)),
      );
    },
    updateProperty: async (objectType, property) => {
      const { name, ...update } = body(property);
      await call(`update ${objectType} property ${name}`, () =>
        core.update(objectType, name, {
          ...update,
          type: update.type as string as properties.PropertyUpdateTypeEnum,
          fieldType: update.fieldType as string as properties.PropertyUpdateFieldTypeEnum,
        }),
      );
    },
    dealContactLabels: async () =>
      (await call('read deal→contact labels', () => definitions.getAll('deals', 'contacts'))).results.map(
        (l) => ({ typeId: l.typeId, label: l.label ?? '', category: String(l.category) }),
      ),
    createDealContactLabel: async (label) => {
      await call(`create deal→contact label ${label.name}`, () =>
        definitions.create('deals', 'contacts', label),
      );
    },
    relabelDealContactLabel: async (typeId, label) => {
      await call(`relabel deal→contact label ${typeId}`, () =>
        definitions.update('deals', 'contacts', { associationTypeId: typeId, label }),
      );
    },
  };
}
