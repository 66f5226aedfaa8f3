import {
  FIRST_USER_DEFINED_TYPE_ID,
  HUBSPOT_DEFINED_ASSOCIATION_TYPES,
} from '../hubspot/association-types.ts';
import type { ObjectTypeName } from '../hubspot/object-types.ts';

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED';

/** One association type between an ordered pair of object types. */
export interface AssociationType {
  from: ObjectTypeName;
  to: ObjectTypeName;
  typeId: number;
  inverseTypeId: number;
  category: AssociationCategory;
  label: string | null;
  /** User-defined labels have an internal name (e.g. `champion`). */
  name?: string;
}

/** The portal's association types: HubSpot's own table plus user-defined labels. */
export class AssociationLabels {
  private readonly byId = new Map<number, AssociationType>();
  private nextTypeId = FIRST_USER_DEFINED_TYPE_ID;
  /** Per ordered pair; every association write asks, so it is cached until a label changes. */
  private readonly pairCache = new Map<ObjectTypeName, Map<ObjectTypeName, AssociationType[]>>();

  constructor() {
    for (const type of HUBSPOT_DEFINED_ASSOCIATION_TYPES)
      this.byId.set(type.typeId, { ...type, category: 'HUBSPOT_DEFINED' });
  }

  get(typeId: number): AssociationType | undefined {
    return this.byId.get(typeId);
  }

  /** The types from one object type to another, HubSpot-defined first. */
  between(from: ObjectTypeName, to: ObjectTypeName): AssociationType[] {
    let byTo = this.pairCache.get(from);
    if (!byTo) {
      byTo = new Map();
      this.pairCache.set(from, byTo);
    }
    let types = byTo.get(to);
    if (!types) {
      types = [...this.byId.values()].filter((type) => type.from === from && type.to === to);
      byTo.set(to, types);
    }
    return types;
  }

  /** The unlabeled type HubSpot uses for "default" associations, if the pair can be associated. */
  defaultType(from: ObjectTypeName, to: ObjectTypeName): AssociationType | undefined {
    return this.between(from, to).find((type) => type.category === 'HUBSPOT_DEFINED' && type.label === null);
  }

  /** The HubSpot-defined "Primary" type of the pair (deal→company 5), if there is one. */
  primaryType(from: ObjectTypeName, to: ObjectTypeName): AssociationType | undefined {
    return this.between(from, to).find(
      (type) => type.category === 'HUBSPOT_DEFINED' && type.label === 'Primary',
    );
  }

  /** The ids the next user-defined label pair gets. */
  peekNewTypeIds(sameType: boolean): [number, number] {
    return sameType ? [this.nextTypeId, this.nextTypeId] : [this.nextTypeId, this.nextTypeId + 1];
  }

  /** Adds a user-defined label both ways; `typeIds` as given by `peekNewTypeIds`. */
  addLabel(
    from: ObjectTypeName,
    to: ObjectTypeName,
    typeIds: [number, number],
    label: string,
    name: string,
    inverseLabel?: string,
  ): void {
    const [forward, inverse] = typeIds;
    this.byId.set(forward, {
      from,
      to,
      typeId: forward,
      inverseTypeId: inverse,
      category: 'USER_DEFINED',
      label,
      name,
    });
    if (from !== to || forward !== inverse) {
      this.byId.set(inverse, {
        from: to,
        to: from,
        typeId: inverse,
        inverseTypeId: forward,
        category: 'USER_DEFINED',
        label: inverseLabel ?? label,
        name,
      });
    }
    this.nextTypeId = Math.max(this.nextTypeId, forward + 1, inverse + 1);
    this.pairCache.clear();
  }

  relabel(typeId: number, label: string, inverseLabel?: string): void {
    const type = this.byId.get(typeId);
    if (!type) return;
    type.label = label;
    const inverse = this.byId.get(type.inverseTypeId);
    if (inverse && inverse !== type) inverse.label = inverseLabel ?? label;
    this.pairCache.clear();
  }

  remove(typeId: number): void {
    const type = this.byId.get(typeId);
    if (!type) return;
    this.byId.delete(type.inverseTypeId);
    this.byId.delete(typeId);
    this.pairCache.clear();
  }
}
