import type { ChangeActor, ChangeEvent } from '../events.ts';
import { OBJECT_TYPES, type ObjectTypeName } from '../hubspot/object-types.ts';
import type { SeedPipeline } from '../seed/records.ts';
import type { PipelineObjectType, Portal } from './portal.ts';
import type { StoredGroup, StoredProperty } from './property-schema.ts';
import { parseValue } from './values.ts';

export type PropertyInput = Omit<StoredProperty, 'optionValues'>;

/**
 * One fully resolved change to the portal: ids, timestamps and actors are decided before it is
 * applied, so replaying the journal of mutations rebuilds exactly the same portal.
 */
export type Mutation =
  | {
      op: 'create';
      type: ObjectTypeName;
      id: number;
      at: number;
      actor: ChangeActor;
      properties: Record<string, string>;
    }
  | {
      op: 'update';
      type: ObjectTypeName;
      id: number;
      at: number;
      actor: ChangeActor;
      properties: Record<string, string>;
    }
  | { op: 'archive'; type: ObjectTypeName; id: number; at: number; actor: ChangeActor }
  | {
      op: 'associate';
      from: ObjectTypeName;
      fromId: number;
      to: ObjectTypeName;
      toId: number;
      add?: number[];
      remove?: number[] | 'all';
    }
  | { op: 'putProperty'; type: ObjectTypeName; property: PropertyInput }
  | { op: 'archiveProperty'; type: ObjectTypeName; name: string }
  | { op: 'putGroup'; type: ObjectTypeName; group: StoredGroup }
  | { op: 'archiveGroup'; type: ObjectTypeName; name: string }
  | {
      op: 'addLabel';
      from: ObjectTypeName;
      to: ObjectTypeName;
      typeIds: [number, number];
      label: string;
      name: string;
      inverseLabel?: string;
    }
  | { op: 'relabel'; typeId: number; label: string; inverseLabel?: string }
  | { op: 'removeLabel'; typeId: number }
  | { op: 'putPipeline'; objectType: PipelineObjectType; pipeline: SeedPipeline; at: number }
  | { op: 'archivePipeline'; objectType: PipelineObjectType; id: string };

/** Applies one mutation; returns the change events it causes (portalId filled in). */
export function applyMutation(portal: Portal, mutation: Mutation): ChangeEvent[] {
  switch (mutation.op) {
    case 'create':
      return createObject(portal, mutation);
    case 'update':
      return updateObject(portal, mutation);
    case 'archive': {
      const table = portal.tables[mutation.type];
      const row = table.rowOf(mutation.id);
      if (row === undefined) return [];
      table.archive(row, mutation.at);
      portal.associations.removeObject(mutation.type, row);
      return [event(portal, 'deletion', mutation.type, mutation.id, mutation.at, mutation.actor)];
    }
    case 'associate': {
      const fromRow = portal.tables[mutation.from].rowOf(mutation.fromId);
      const toRow = portal.tables[mutation.to].rowOf(mutation.toId);
      if (fromRow === undefined || toRow === undefined) return [];
      const change: { add?: number[]; remove?: number[] | 'all' } = {};
      if (mutation.add) change.add = mutation.add;
      if (mutation.remove) change.remove = mutation.remove;
      portal.associations.change(mutation.from, fromRow, mutation.to, toRow, change, (typeId) => {
        return portal.labels.get(typeId)?.inverseTypeId ?? typeId;
      });
      return [];
    }
    case 'putProperty':
      putProperty(portal, mutation.type, mutation.property);
      return [];
    case 'archiveProperty':
      portal.schemas[mutation.type].properties.delete(mutation.name);
      return [];
    case 'putGroup':
      portal.schemas[mutation.type].groups.set(mutation.group.name, { ...mutation.group });
      return [];
    case 'archiveGroup':
      portal.schemas[mutation.type].groups.delete(mutation.name);
      return [];
    case 'addLabel':
      portal.labels.addLabel(
        mutation.from,
        mutation.to,
        mutation.typeIds,
        mutation.label,
        mutation.name,
        mutation.inverseLabel,
      );
      return [];
    case 'relabel':
      portal.labels.relabel(mutation.typeId, mutation.label, mutation.inverseLabel);
      return [];
    case 'removeLabel':
      portal.labels.remove(mutation.typeId);
      return [];
    case 'putPipeline': {
      const existing = portal.pipelines[mutation.objectType].get(mutation.pipeline.id);
      portal.pipelines[mutation.objectType].set(mutation.pipeline.id, {
        ...structuredClone(mutation.pipeline),
        createdAt: existing?.createdAt ?? mutation.at,
        updatedAt: mutation.at,
      });
      return [];
    }
    case 'archivePipeline':
      portal.pipelines[mutation.objectType].delete(mutation.id);
      return [];
  }
}

function createObject(portal: Portal, mutation: Extract<Mutation, { op: 'create' }>): ChangeEvent[] {
  const table = portal.tables[mutation.type];
  const actor = portal.actors.intern(mutation.actor);
  const row = table.insert(mutation.id, mutation.at, actor);
  const events = [event(portal, 'creation', mutation.type, mutation.id, mutation.at, mutation.actor)];
  for (const [name, raw] of Object.entries(mutation.properties)) {
    const property = table.schema.get(name);
    if (!property) continue;
    const parsed = parseValue(property, raw);
    if (!parsed.ok || parsed.value === undefined) continue;
    table.set(row, property, parsed.value, mutation.at, actor, true);
    events.push(
      propertyEvent(portal, mutation.type, mutation.id, name, table.wireValue(row, name), mutation),
    );
  }
  return events;
}

function updateObject(portal: Portal, mutation: Extract<Mutation, { op: 'update' }>): ChangeEvent[] {
  const table = portal.tables[mutation.type];
  const row = table.rowOf(mutation.id);
  if (row === undefined) return [];
  const actor = portal.actors.intern(mutation.actor);
  const events: ChangeEvent[] = [];
  for (const [name, raw] of Object.entries(mutation.properties)) {
    const property = table.schema.get(name);
    if (!property) continue;
    const parsed = parseValue(property, raw);
    if (!parsed.ok) continue;
    if (table.set(row, property, parsed.value, mutation.at, actor, false)) {
      events.push(
        propertyEvent(portal, mutation.type, mutation.id, name, table.wireValue(row, name) ?? '', mutation),
      );
    }
  }
  return events;
}

function putProperty(portal: Portal, type: ObjectTypeName, input: PropertyInput): void {
  const schema = portal.schemas[type];
  const before = schema.get(input.name);
  const stored = schema.put(input);
  if (before && before.type !== stored.type) {
    portal.tables[type].retype(before.type, stored, (wire) => {
      const parsed = parseValue(stored, wire);
      return parsed.ok ? parsed.value : undefined;
    });
  }
}

function event(
  portal: Portal,
  kind: ChangeEvent['kind'],
  type: ObjectTypeName,
  id: number,
  at: number,
  actor: ChangeActor,
): ChangeEvent {
  return {
    portalId: portal.portalId,
    kind,
    objectType: type,
    objectTypeId: OBJECT_TYPES[type].typeId,
    objectId: String(id),
    occurredAt: at,
    actor,
  };
}

function propertyEvent(
  portal: Portal,
  type: ObjectTypeName,
  id: number,
  propertyName: string,
  propertyValue: string | undefined,
  mutation: { at: number; actor: ChangeActor },
): ChangeEvent {
  return {
    ...event(portal, 'propertyChange', type, id, mutation.at, mutation.actor),
    propertyName,
    propertyValue: propertyValue ?? '',
  };
}
