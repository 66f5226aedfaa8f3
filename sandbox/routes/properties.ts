import type { BatchResponseProperty } from '@hubspot/api-client/lib/codegen/crm/properties/models/BatchResponseProperty';
import type { CollectionResponsePropertyNoPaging } from '@hubspot/api-client/lib/codegen/crm/properties/models/CollectionResponsePropertyNoPaging';
import type { CollectionResponsePropertyGroupNoPaging } from '@hubspot/api-client/lib/codegen/crm/properties/models/CollectionResponsePropertyGroupNoPaging';
import type { FastifyInstance } from 'fastify';
import type { PropertyOption, PropertyType } from '#src/hubspot/catalog/index';
import { objectTypeOrThrow, type ObjectTypeName } from '../hubspot/object-types.ts';
import { conflict, notFound, validationError } from '../http/errors.ts';
import { batchInputs, expectArray, expectObject, expectString } from '../http/input.ts';
import type { SandboxState } from '../state.ts';
import type { PropertyInput } from '../store/mutations.ts';
import { groupOnTheWire, propertyOnTheWire, type StoredProperty } from '../store/property-schema.ts';

const TYPES: readonly PropertyType[] = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'];
const FIELD_TYPES = [
  'textarea',
  'text',
  'date',
  'file',
  'number',
  'select',
  'radio',
  'checkbox',
  'booleancheckbox',
  'calculation_equation',
  'phonenumber',
  'html',
];
const NAME = /^[a-z][a-z0-9_]*$/;

type Params = { objectType: string; propertyName?: string; groupName?: string };

/** Properties API v3: properties and property groups of every object type. */
export function registerPropertyRoutes(app: FastifyInstance, state: SandboxState): void {
  const base = '/crm/v3/properties/:objectType';
  const schemaOf = (objectType: string) => state.portal.schemas[objectTypeOrThrow(objectType).name];

  app.get<{ Params: Params }>(base, async (request) => {
    const schema = schemaOf(request.params.objectType);
    const body: CollectionResponsePropertyNoPaging = {
      results: [...schema.properties.values()].map(propertyOnTheWire),
    };
    return body;
  });

  app.get<{ Params: Params }>(`${base}/groups`, async (request) => {
    const schema = schemaOf(request.params.objectType);
    const body: CollectionResponsePropertyGroupNoPaging = {
      results: [...schema.groups.values()].map(groupOnTheWire),
    };
    return body;
  });

  app.get<{ Params: Params }>(`${base}/groups/:groupName`, async (request) => {
    const group = schemaOf(request.params.objectType).groups.get(request.params.groupName ?? '');
    if (!group) throw notFound(`Unable to find property group ${request.params.groupName}`);
    return groupOnTheWire(group);
  });

  app.post<{ Params: Params }>(`${base}/groups`, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const body = expectObject(request.body, 'body');
    const name = expectString(body.name, 'name');
    if (!NAME.test(name))
      throw validationError(
        `Invalid input: group name ${JSON.stringify(name)} must be lower case letters, digits and underscores.`,
      );
    if (state.portal.schemas[type].groups.has(name))
      throw conflict(`A property group named ${name} already exists.`);
    const group = {
      name,
      label: expectString(body.label, 'label'),
      displayOrder: displayOrder(body.displayOrder),
    };
    state.commit([{ op: 'putGroup', type, group }]);
    reply.code(201);
    return groupOnTheWire(group);
  });

  app.patch<{ Params: Params }>(`${base}/groups/:groupName`, async (request) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const existing = state.portal.schemas[type].groups.get(request.params.groupName ?? '');
    if (!existing) throw notFound(`Unable to find property group ${request.params.groupName}`);
    const body = expectObject(request.body, 'body');
    const group = {
      ...existing,
      ...(body.label !== undefined ? { label: expectString(body.label, 'label') } : {}),
      ...(body.displayOrder !== undefined ? { displayOrder: displayOrder(body.displayOrder) } : {}),
    };
    state.commit([{ op: 'putGroup', type, group }]);
    return groupOnTheWire(group);
  });

  app.delete<{ Params: Params }>(`${base}/groups/:groupName`, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const name = request.params.groupName ?? '';
    if (!state.portal.schemas[type].groups.has(name)) throw notFound(`Unable to find property group ${name}`);
    state.commit([{ op: 'archiveGroup', type, name }]);
    reply.code(204);
  });

  app.post<{ Params: Params }>(`${base}/batch/read`, async (request) => {
    const schema = schemaOf(request.params.objectType);
    const startedAt = new Date();
    const names = batchInputs(request.body, 1000).map((input, index) =>
      expectString(expectObject(input, `inputs[${index}]`).name, `inputs[${index}].name`),
    );
    const found = names.map((name) => schema.get(name)).filter((p): p is StoredProperty => p !== undefined);
    const body: BatchResponseProperty = {
      status: 'COMPLETE' as BatchResponseProperty['status'],
      results: found.map(propertyOnTheWire),
      startedAt,
      completedAt: new Date(),
    };
    return body;
  });

  app.get<{ Params: Params }>(`${base}/:propertyName`, async (request) => {
    const property = schemaOf(request.params.objectType).get(request.params.propertyName ?? '');
    if (!property) throw notFound(`Unable to find property ${request.params.propertyName}`);
    return propertyOnTheWire(property);
  });

  app.post<{ Params: Params }>(base, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const property = newProperty(state, type, request.body);
    state.commit([{ op: 'putProperty', type, property }]);
    reply.code(201);
    return propertyOnTheWire(state.portal.schemas[type].get(property.name)!);
  });

  app.patch<{ Params: Params }>(`${base}/:propertyName`, async (request) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const existing = state.portal.schemas[type].get(request.params.propertyName ?? '');
    if (!existing) throw notFound(`Unable to find property ${request.params.propertyName}`);
    const property = changedProperty(state, type, existing, request.body);
    state.commit([{ op: 'putProperty', type, property }]);
    return propertyOnTheWire(state.portal.schemas[type].get(property.name)!);
  });

  app.delete<{ Params: Params }>(`${base}/:propertyName`, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const existing = state.portal.schemas[type].get(request.params.propertyName ?? '');
    if (!existing) throw notFound(`Unable to find property ${request.params.propertyName}`);
    if (existing.hubspotDefined)
      throw validationError(`${existing.name} is a HubSpot-defined property and cannot be archived.`);
    state.commit([{ op: 'archiveProperty', type, name: existing.name }]);
    reply.code(204);
  });
}

function newProperty(state: SandboxState, type: ObjectTypeName, raw: unknown): PropertyInput {
  const body = expectObject(raw, 'body');
  const name = expectString(body.name, 'name');
  if (!NAME.test(name))
    throw validationError(
      `Invalid input: property name ${JSON.stringify(name)} must be lower case letters, digits and underscores.`,
    );
  if (state.portal.schemas[type].get(name)) throw conflict(`Property named '${name}' already exists.`);
  const now = Date.now();
  return checkedDefinition(state, type, {
    name,
    label: expectString(body.label, 'label'),
    type: propertyType(body.type),
    fieldType: fieldType(body.fieldType),
    groupName: expectString(body.groupName, 'groupName'),
    description: typeof body.description === 'string' ? body.description : '',
    displayOrder: displayOrder(body.displayOrder),
    hidden: body.hidden === true,
    hubspotDefined: false,
    readOnlyValue: false,
    hasUniqueValue: body.hasUniqueValue === true,
    options: body.options === undefined ? [] : options(body.options),
    createdAt: now,
    updatedAt: now,
  });
}

function changedProperty(
  state: SandboxState,
  type: ObjectTypeName,
  existing: StoredProperty,
  raw: unknown,
): PropertyInput {
  const body = expectObject(raw, 'body');
  if (existing.hubspotDefined && (body.type !== undefined || body.options !== undefined)) {
    throw validationError(
      `${existing.name} is a HubSpot-defined property: its type and options cannot be changed.`,
    );
  }
  const { optionValues: _optionValues, ...current } = existing;
  return checkedDefinition(state, type, {
    ...current,
    ...(body.label !== undefined ? { label: expectString(body.label, 'label') } : {}),
    ...(body.type !== undefined ? { type: propertyType(body.type) } : {}),
    ...(body.fieldType !== undefined ? { fieldType: fieldType(body.fieldType) } : {}),
    ...(body.groupName !== undefined ? { groupName: expectString(body.groupName, 'groupName') } : {}),
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    ...(body.displayOrder !== undefined ? { displayOrder: displayOrder(body.displayOrder) } : {}),
    ...(typeof body.hidden === 'boolean' ? { hidden: body.hidden } : {}),
    ...(body.options !== undefined ? { options: options(body.options) } : {}),
    updatedAt: Date.now(),
  });
}

function checkedDefinition(
  state: SandboxState,
  type: ObjectTypeName,
  property: PropertyInput,
): PropertyInput {
  if (!state.portal.schemas[type].groups.has(property.groupName)) {
    throw validationError(
      `Invalid input: groupName ${property.groupName} is not a property group of ${type}.`,
    );
  }
  if (property.type === 'enumeration' && property.options.length === 0 && !property.hubspotDefined) {
    throw validationError(`Invalid input: an enumeration property needs options.`);
  }
  return property;
}

function propertyType(value: unknown): PropertyType {
  if (!TYPES.includes(value as PropertyType)) {
    throw validationError(
      `Invalid input: type must be one of ${TYPES.join(', ')}, found ${JSON.stringify(value)}.`,
    );
  }
  return value as PropertyType;
}

function fieldType(value: unknown): string {
  if (typeof value !== 'string' || !FIELD_TYPES.includes(value)) {
    throw validationError(
      `Invalid input: fieldType must be one of ${FIELD_TYPES.join(', ')}, found ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function displayOrder(value: unknown): number {
  if (value === undefined) return -1;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw validationError(`Invalid input: displayOrder must be an integer.`);
  return value;
}

function options(value: unknown): PropertyOption[] {
  const seen = new Set<string>();
  return expectArray(value, 'options').map((item, index) => {
    const option = expectObject(item, `options[${index}]`);
    const optionValue = expectString(option.value, `options[${index}].value`);
    if (seen.has(optionValue))
      throw validationError(`Invalid input: options[${index}].value ${optionValue} is repeated.`);
    seen.add(optionValue);
    return {
      value: optionValue,
      label: expectString(option.label, `options[${index}].label`),
      displayOrder: typeof option.displayOrder === 'number' ? option.displayOrder : index,
      hidden: option.hidden === true,
    };
  });
}
