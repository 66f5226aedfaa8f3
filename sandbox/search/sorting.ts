import type { SearchableObject, SearchSource } from './source';
import type { ParsedSort } from './request';
import { resolveProperty } from './properties';
import { comparesAsNumber, numericKey } from './values';

/** What a match sorts by: a number, case-folded text, or undefined when unset. */
export type SortKey = number | string | undefined;

export function compileSortKey(
  sort: ParsedSort,
  source: SearchSource,
): (object: SearchableObject) => SortKey {
  const { type, read } = resolveProperty(sort.propertyName, `${sort.path}.propertyName`, source);
  if (!comparesAsNumber(type)) return (object) => read(object)?.toLowerCase();
  return (object) => {
    const text = read(object);
    if (text === undefined) return undefined;
    const key = numericKey(type, text);
    return Number.isNaN(key) ? undefined : key;
  };
}

/**
 * The first `capacity` matches in sort order. Matches are buffered as ids and keys only and the
 * buffer is cut back to `capacity` whenever it doubles, so 2M matches never sort all at once
 * (capacity is after + limit, at most the 10,000 result window); once full, a match that cannot
 * beat the worst one kept is dropped at once. Unset values sort last in both directions (as
 * Elasticsearch, which backs HubSpot search, does by default); ties go by ascending id.
 */
export class SortedWindow {
  private ids: string[] = [];
  private keys: SortKey[] = [];
  private readonly compactAt: number;
  /** The worst entry kept by the last compaction that filled the window. */
  private worst: { id: string; key: SortKey } | undefined;

  constructor(
    private readonly capacity: number,
    private readonly descending: boolean,
  ) {
    this.compactAt = Math.max(capacity * 2, 1024);
  }

  add(id: string, key: SortKey): void {
    if (this.capacity === 0) return;
    if (this.worst && this.compare(key, id, this.worst.key, this.worst.id) >= 0) return;
    this.ids.push(id);
    this.keys.push(key);
    if (this.ids.length >= this.compactAt) this.compact();
  }

  /** Ids of the window, best first. */
  inOrder(): string[] {
    this.compact();
    return this.ids;
  }

  private compact(): void {
    const { ids, keys } = this;
    const order = ids
      .map((_, index) => index)
      .sort((a, b) => this.compare(keys[a], ids[a]!, keys[b], ids[b]!))
      .slice(0, this.capacity);
    this.ids = order.map((index) => ids[index]!);
    this.keys = order.map((index) => keys[index]);
    const last = this.ids.length - 1;
    if (this.ids.length === this.capacity) this.worst = { id: this.ids[last]!, key: this.keys[last] };
  }

  private compare(keyA: SortKey, idA: string, keyB: SortKey, idB: string): number {
    return this.compareKeys(keyA, keyB) || compareIds(idA, idB);
  }

  private compareKeys(a: SortKey, b: SortKey): number {
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
    const ascending = a < b ? -1 : a > b ? 1 : 0;
    return this.descending ? -ascending : ascending;
  }
}

/** Numeric ids in numeric order without parsing: a shorter id is smaller. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
