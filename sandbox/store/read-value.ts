import type { ObjectTypeName } from '../hubspot/object-types.ts';
import type { Portal } from './portal.ts';

/** Counts HubSpot keeps on companies from their associations, computed when read. */
const ASSOCIATION_COUNTS: Partial<Record<ObjectTypeName, Record<string, ObjectTypeName>>> = {
  companies: { num_associated_contacts: 'contacts', num_associated_deals: 'deals' },
};

/** A property's value on the wire, including the ones HubSpot derives from associations. */
export function readWireValue(
  portal: Portal,
  type: ObjectTypeName,
  row: number,
  name: string,
): string | undefined {
  const counted = ASSOCIATION_COUNTS[type]?.[name];
  if (counted) return String(portal.associations.count(type, row, counted));
  return portal.tables[type].wireValue(row, name);
}
