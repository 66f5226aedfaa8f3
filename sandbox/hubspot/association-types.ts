import type { ObjectTypeName } from './object-types.ts';

/**
 * HubSpot's own (HUBSPOT_DEFINED) association types, as its associations v4 documentation lists
 * them. Every type has an inverse: creating deal→contact (3) also creates contact→deal (4).
 */
export interface DefinedAssociationType {
  from: ObjectTypeName;
  to: ObjectTypeName;
  typeId: number;
  inverseTypeId: number;
  /** `null` for the unlabeled default type, e.g. "Primary" for the primary company. */
  label: string | null;
}

const TYPES: DefinedAssociationType[] = [];

/** A pair's unlabeled default types, both ways, and its "Primary" types when HubSpot has them. */
function pair(a: ObjectTypeName, b: ObjectTypeName, aToB: number, bToA: number, primary?: [number, number]) {
  TYPES.push({ from: a, to: b, typeId: aToB, inverseTypeId: bToA, label: null });
  if (a !== b) TYPES.push({ from: b, to: a, typeId: bToA, inverseTypeId: aToB, label: null });
  if (primary) {
    TYPES.push({ from: a, to: b, typeId: primary[0], inverseTypeId: primary[1], label: 'Primary' });
    TYPES.push({ from: b, to: a, typeId: primary[1], inverseTypeId: primary[0], label: 'Primary' });
  }
}

pair('contacts', 'companies', 279, 280, [1, 2]);
pair('deals', 'contacts', 3, 4);
pair('deals', 'companies', 341, 342, [5, 6]);
pair('tickets', 'contacts', 16, 15);
pair('tickets', 'companies', 339, 340, [26, 25]);
pair('deals', 'tickets', 27, 28);
pair('contacts', 'calls', 193, 194);
pair('companies', 'calls', 181, 182);
pair('deals', 'calls', 205, 206);
pair('tickets', 'calls', 219, 220);
pair('contacts', 'emails', 197, 198);
pair('companies', 'emails', 185, 186);
pair('deals', 'emails', 209, 210);
pair('tickets', 'emails', 223, 224);
pair('contacts', 'meetings', 199, 200);
pair('companies', 'meetings', 187, 188);
pair('deals', 'meetings', 211, 212);
pair('tickets', 'meetings', 225, 226);
pair('contacts', 'notes', 201, 202);
pair('companies', 'notes', 189, 190);
pair('deals', 'notes', 213, 214);
pair('tickets', 'notes', 227, 228);
pair('contacts', 'tasks', 203, 204);
pair('companies', 'tasks', 191, 192);
pair('deals', 'tasks', 215, 216);
pair('tickets', 'tasks', 229, 230);

export const HUBSPOT_DEFINED_ASSOCIATION_TYPES: readonly DefinedAssociationType[] = TYPES;

/** User-defined labels get type ids above every HubSpot-defined one, as in a real portal. */
export const FIRST_USER_DEFINED_TYPE_ID = 1000;
