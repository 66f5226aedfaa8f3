import type { PropertyDefinition } from '#src/hubspot/catalog/index';
import { findObjectType, type ObjectTypeName } from '../hubspot/object-types.ts';
import { defaultAssociationTypeIds } from '../store/default-association.ts';
import { syncDynamicOptions } from '../store/dynamic-options.ts';
import { applyMutation, type PropertyInput } from '../store/mutations.ts';
import { parseId, type HistoryEntry } from '../store/object-table.ts';
import type { Portal } from '../store/portal.ts';
import { parseValue } from '../store/values.ts';
import { seedActor } from '../store/actors.ts';
import type { SeedAssociation, SeedObject, SeedRecord } from './records.ts';
import { READ_ONLY_PROPERTIES, isStandardProperty } from './standard-properties.ts';

/** A seed record the store cannot take: the seed generator has a bug. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
}

/**
 * Consumes a seed stream into the portal one record at a time, so the seed never exists in memory
 * as a whole. Seed data is not journaled: the same generator and seed number rebuild it.
 */
export function loadSeed(portal: Portal, records: Iterable<SeedRecord>, now = Date.now()): number {
  let count = 0;
  for (const record of records) {
    loadRecord(portal, record, now);
    count++;
  }
  syncDynamicOptions(portal);
  return count;
}

function loadRecord(portal: Portal, record: SeedRecord, now: number): void {
  switch (record.kind) {
    case 'team':
      portal.teams.set(record.team.id, { ...record.team });
      return;
    case 'owner':
      portal.owners.set(record.owner.id, { ...record.owner, createdAt: now, updatedAt: now });
      return;
    case 'pipeline':
      applyMutation(portal, {
        op: 'putPipeline',
        objectType: record.objectType,
        pipeline: record.pipeline,
        at: now,
      });
      syncDynamicOptions(portal);
      return;
    case 'propertyGroup':
      applyMutation(portal, {
        op: 'putGroup',
        type: objectType(record.objectType),
        group: { ...record.group },
      });
      return;
    case 'property': {
      const type = objectType(record.objectType);
      applyMutation(portal, { op: 'putProperty', type, property: propertyInput(type, record.property, now) });
      return;
    }
    case 'associationLabel': {
      const from = objectType(record.fromObjectType);
      const to = objectType(record.toObjectType);
      const existing = portal.labels.between(from, to).find((type) => type.name === record.name);
      if (existing) return;
      const typeIds = portal.labels.peekNewTypeIds(from === to);
      applyMutation(portal, { op: 'addLabel', from, to, typeIds, label: record.label, name: record.name });
      return;
    }
    case 'object':
      loadObject(portal, record.object);
      return;
    case 'association':
      loadAssociation(portal, record.association);
      return;
  }
}

export function propertyInput(
  type: ObjectTypeName,
  definition: PropertyDefinition,
  now: number,
): PropertyInput {
  return {
    name: definition.name,
    label: definition.label,
    type: definition.type,
    fieldType: definition.fieldType,
    groupName: definition.groupName,
    description: definition.description,
    displayOrder: -1,
    hidden: false,
    hubspotDefined: isStandardProperty(type, definition.name),
    readOnlyValue: READ_ONLY_PROPERTIES.has(definition.name),
    hasUniqueValue: false,
    options: (definition.options ?? []).map((option) => ({ ...option })),
    createdAt: now,
    updatedAt: now,
  };
}

function loadObject(portal: Portal, object: SeedObject): void {
  const type = objectType(object.objectType);
  const table = portal.tables[type];
  const id = parseId(object.id);
  if (id === undefined) throw new SeedError(`${type} id ${JSON.stringify(object.id)} is not a numeric id`);
  const creator = portal.actors.intern(seedActor(object.source ?? 'IMPORT'));
  const row = table.insert(id, object.createdAt, creator);
  let values = object.properties;
  if (object.history) {
    values = { ...values };
    for (const [name, entries] of Object.entries(object.history)) {
      const last = entries.at(-1);
      if (last && values[name] === undefined) values[name] = last.value;
    }
  }
  for (const name in values) {
    const raw = values[name]!;
    const property = table.schema.get(name);
    if (!property) throw new SeedError(`${type} ${object.id}: property ${name} does not exist`);
    const parsed = parseValue(property, raw);
    if (!parsed.ok) throw new SeedError(`${type} ${object.id}: ${parsed.problem.message}`);
    table.set(row, property, parsed.value, object.createdAt, creator, true);
  }
  for (const [name, entries] of Object.entries(object.history ?? {})) {
    const history: HistoryEntry[] = entries.map((entry) => ({
      value: entry.value,
      timestamp: entry.timestamp,
      actor: portal.actors.intern(
        entry.sourceId === undefined
          ? { changeSource: entry.sourceType }
          : { changeSource: entry.sourceType, sourceId: entry.sourceId },
      ),
    }));
    table.setHistory(row, name, history);
  }
}

function loadAssociation(portal: Portal, association: SeedAssociation): void {
  const from = objectType(association.fromObjectType);
  const to = objectType(association.toObjectType);
  const fromRow = portal.tables[from].rowOf(association.fromId);
  const toRow = portal.tables[to].rowOf(association.toId);
  if (fromRow === undefined || toRow === undefined) {
    throw new SeedError(
      `association ${from} ${association.fromId} → ${to} ${association.toId}: both objects must be seeded first`,
    );
  }
  const add = defaultAssociationTypeIds(portal, from, fromRow, to, toRow);
  if (add.length === 0) throw new SeedError(`${from} cannot be associated with ${to}`);
  if (association.label) {
    const label = portal.labels.between(from, to).find((type) => type.name === association.label);
    if (!label) throw new SeedError(`no association label ${association.label} from ${from} to ${to}`);
    add.push(label.typeId);
  }
  applyMutation(portal, {
    op: 'associate',
    from,
    fromId: Number(association.fromId),
    to,
    toId: Number(association.toId),
    add,
  });
}

function objectType(name: string): ObjectTypeName {
  const info = findObjectType(name);
  if (!info) throw new SeedError(`unknown object type ${name}`);
  return info.name;
}
