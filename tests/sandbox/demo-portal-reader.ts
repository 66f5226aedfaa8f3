import type { SeedAssociation, SeedObject, SeedRecord } from '#sandbox/seed/records';

/** A demo portal read into plain maps, for tests that ask questions of the data as a whole. */
export interface DemoPortalView {
  records: number;
  objects: Map<string, Map<string, SeedObject>>;
  /** `fromType:fromId` → associations from that object. */
  associationsFrom: Map<string, SeedAssociation[]>;
}

export function readPortal(stream: Iterable<SeedRecord>): DemoPortalView {
  const view: DemoPortalView = { records: 0, objects: new Map(), associationsFrom: new Map() };
  for (const record of stream) {
    view.records++;
    if (record.kind === 'object') {
      const { object } = record;
      const byId = view.objects.get(object.objectType) ?? new Map<string, SeedObject>();
      byId.set(object.id, object);
      view.objects.set(object.objectType, byId);
    } else if (record.kind === 'association') {
      const { association } = record;
      const key = `${association.fromObjectType}:${association.fromId}`;
      const list = view.associationsFrom.get(key) ?? [];
      list.push(association);
      view.associationsFrom.set(key, list);
    }
  }
  return view;
}

export const objectsOf = (view: DemoPortalView, type: string): SeedObject[] => [
  ...(view.objects.get(type)?.values() ?? []),
];

/** Ids of `toType` objects the object is associated with (optionally only under a label). */
export function associated(view: DemoPortalView, from: SeedObject, toType: string, label?: string): string[] {
  return (view.associationsFrom.get(`${from.objectType}:${from.id}`) ?? [])
    .filter((a) => a.toObjectType === toType && (label === undefined || a.label === label))
    .map((a) => a.toId);
}

/** The one company an object belongs to. */
export function companyOf(view: DemoPortalView, object: SeedObject): string | undefined {
  return associated(view, object, 'companies')[0];
}

/** Probability that a random positive scores above a random negative (ties count half). */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

export const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

export const DAY = 86_400_000;
