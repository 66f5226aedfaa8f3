import type { ObjectTypeName } from '../hubspot/object-types.ts';

/** A link from one object to another with the association type ids it carries. */
export interface Link {
  toRow: number;
  typeIds: readonly number[];
}

/** Distinct type-id sets per ordered pair stay few; each link names one by a small index. */
const TYPE_SETS_PER_PAIR = 64;

/**
 * The associations from one object type to another. Slot `fromRow` holds one encoded link (most
 * engagements point at one company) or an array of them (a company's engagements); a link is
 * `toRow * 64 + typeSet`, a small integer V8 keeps unboxed. This keeps two million engagements'
 * associations in tens of megabytes instead of a Map per object.
 */
class PairIndex {
  private readonly slots: (number | number[] | undefined)[] = [];
  private readonly typeSets: (readonly number[])[] = [];
  private readonly typeSetIndex = new Map<string, number>();

  links(fromRow: number): Link[] {
    const slot = this.slots[fromRow];
    if (slot === undefined) return [];
    const codes = typeof slot === 'number' ? [slot] : slot;
    return codes.map((code) => this.decode(code));
  }

  count(fromRow: number): number {
    const slot = this.slots[fromRow];
    return slot === undefined ? 0 : typeof slot === 'number' ? 1 : slot.length;
  }

  typesTo(fromRow: number, toRow: number): readonly number[] | undefined {
    const slot = this.slots[fromRow];
    if (slot === undefined) return undefined;
    const code =
      typeof slot === 'number' ? slot : slot.find((c) => Math.floor(c / TYPE_SETS_PER_PAIR) === toRow);
    if (code === undefined || Math.floor(code / TYPE_SETS_PER_PAIR) !== toRow) return undefined;
    return this.decode(code).typeIds;
  }

  /** Sets the exact type ids of a link; an empty list removes it. */
  put(fromRow: number, toRow: number, typeIds: readonly number[]): void {
    while (this.slots.length < fromRow) this.slots.push(undefined);
    const slot = this.slots[fromRow];
    const codes = slot === undefined ? [] : typeof slot === 'number' ? [slot] : slot;
    // Scanning encoded integers keeps a company with hundreds of engagements cheap to extend.
    const at = codes.findIndex((code) => Math.floor(code / TYPE_SETS_PER_PAIR) === toRow);
    if (typeIds.length === 0) {
      if (at >= 0) codes.splice(at, 1);
    } else {
      const code = toRow * TYPE_SETS_PER_PAIR + this.typeSet(typeIds);
      if (at >= 0) codes[at] = code;
      else codes.push(code);
    }
    this.slots[fromRow] = codes.length === 0 ? undefined : codes.length === 1 ? codes[0] : codes;
  }

  clear(fromRow: number): void {
    if (fromRow < this.slots.length) this.slots[fromRow] = undefined;
  }

  private decode(code: number): Link {
    const typeSet = code % TYPE_SETS_PER_PAIR;
    return { toRow: (code - typeSet) / TYPE_SETS_PER_PAIR, typeIds: this.typeSets[typeSet] ?? [] };
  }

  private readonly singleTypeSets = new Map<number, number>();

  private typeSet(typeIds: readonly number[]): number {
    if (typeIds.length === 1) {
      const known = this.singleTypeSets.get(typeIds[0]!);
      if (known !== undefined) return known;
    }
    const sorted = [...new Set(typeIds)].sort((a, b) => a - b);
    const key = sorted.join(',');
    let index = this.typeSetIndex.get(key);
    if (index === undefined) {
      index = this.typeSets.length;
      if (index >= TYPE_SETS_PER_PAIR) throw new Error('too many distinct association label combinations');
      this.typeSets.push(sorted);
      this.typeSetIndex.set(key, index);
      if (sorted.length === 1) this.singleTypeSets.set(sorted[0]!, index);
    }
    return index;
  }
}

/** Every association of the portal, kept both ways. */
export class AssociationIndex {
  private readonly pairs = new Map<ObjectTypeName, Map<ObjectTypeName, PairIndex>>();

  private find(from: ObjectTypeName, to: ObjectTypeName): PairIndex | undefined {
    return this.pairs.get(from)?.get(to);
  }

  private pair(from: ObjectTypeName, to: ObjectTypeName): PairIndex {
    let byTo = this.pairs.get(from);
    if (!byTo) {
      byTo = new Map();
      this.pairs.set(from, byTo);
    }
    let pair = byTo.get(to);
    if (!pair) {
      pair = new PairIndex();
      byTo.set(to, pair);
    }
    return pair;
  }

  links(from: ObjectTypeName, fromRow: number, to: ObjectTypeName): Link[] {
    return this.find(from, to)?.links(fromRow) ?? [];
  }

  count(from: ObjectTypeName, fromRow: number, to: ObjectTypeName): number {
    return this.find(from, to)?.count(fromRow) ?? 0;
  }

  typesBetween(from: ObjectTypeName, fromRow: number, to: ObjectTypeName, toRow: number): readonly number[] {
    return this.find(from, to)?.typesTo(fromRow, toRow) ?? [];
  }

  /**
   * Adds or removes type ids on the link from→to and mirrors them on to→from through `inverse`.
   * Returns the link's type ids afterwards.
   */
  change(
    from: ObjectTypeName,
    fromRow: number,
    to: ObjectTypeName,
    toRow: number,
    change: { add?: readonly number[]; remove?: readonly number[] | 'all' },
    inverse: (typeId: number) => number,
  ): readonly number[] {
    const before = this.typesBetween(from, fromRow, to, toRow);
    if (before.length === 0 && !change.remove && change.add) {
      // A new link (every seeded association): no merging needed either way.
      this.pair(from, to).put(fromRow, toRow, change.add);
      const back = this.pair(to, from);
      const beforeBack = back.typesTo(toRow, fromRow) ?? [];
      back.put(
        toRow,
        fromRow,
        beforeBack.length === 0
          ? change.add.map(inverse)
          : [...new Set([...beforeBack, ...change.add.map(inverse)])],
      );
      return change.add;
    }
    const removing = change.remove === 'all' ? before : (change.remove ?? []);
    const after = [...new Set([...before.filter((id) => !removing.includes(id)), ...(change.add ?? [])])];
    this.pair(from, to).put(fromRow, toRow, after);
    const back = this.pair(to, from);
    const beforeBack = back.typesTo(toRow, fromRow) ?? [];
    const removedBack = before.filter((id) => !after.includes(id)).map(inverse);
    const addedBack = after.map(inverse);
    back.put(toRow, fromRow, [
      ...new Set([...beforeBack.filter((id) => !removedBack.includes(id)), ...addedBack]),
    ]);
    return after;
  }

  /** Drops every association of an archived object, both ways. */
  removeObject(type: ObjectTypeName, row: number): void {
    for (const [to, pair] of this.pairs.get(type) ?? []) {
      const back = this.find(to, type);
      for (const link of pair.links(row)) back?.put(link.toRow, row, []);
      pair.clear(row);
    }
  }
}
