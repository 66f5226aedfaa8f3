import type { ObjectTypeName } from '../hubspot/object-types.ts';
import type { Portal } from './portal.ts';

/**
 * The type ids HubSpot gives a "default" association: the pair's unlabeled type, plus "Primary"
 * when the record on the company's other side has no primary company yet (deal→company 341 + 5).
 * Empty when the two types cannot be associated.
 */
export function defaultAssociationTypeIds(
  portal: Portal,
  from: ObjectTypeName,
  fromRow: number,
  to: ObjectTypeName,
  toRow: number,
): number[] {
  const unlabeled = portal.labels.defaultType(from, to);
  if (!unlabeled) return [];
  const ids = [unlabeled.typeId];
  const primary = portal.labels.primaryType(from, to);
  if (primary) {
    const [other, otherRow] = to === 'companies' ? [from, fromRow] : [to, toRow];
    const primaryFromOther = portal.labels.primaryType(other, 'companies');
    const hasPrimary =
      primaryFromOther !== undefined &&
      portal.associations
        .links(other, otherRow, 'companies')
        .some((link) => link.typeIds.includes(primaryFromOther.typeId));
    if (!hasPrimary) ids.push(primary.typeId);
  }
  return ids;
}
