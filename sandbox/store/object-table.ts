import type { ObjectTypeInfo } from '../hubspot/object-types.ts';
import { NumberColumn, TextColumn, grow, type Column, type StoredValue } from './columns.ts';
import type { PropertySchema, StoredProperty } from './property-schema.ts';
import { formatValue } from './values.ts';

/** One explicit entry of a property's history, as HubSpot reports it (wire value). */
export interface HistoryEntry {
  value: string;
  timestamp: number;
  actor: number;
}

/** The three values HubSpot keeps itself: they live in the table's own columns. */
type SystemProperty = 'id' | 'created' | 'modified';

/**
 * All objects of one type, stored by row in columns. A value set when the object was created has
 * an implicit history entry (creation time, creator); explicit entries are kept only for later
 * changes and for seeded history, so a freshly seeded portal carries almost no history overhead.
 */
export class ObjectTable {
  private ids = new Float64Array(0);
  private created = new Float64Array(0);
  private modified = new Float64Array(0);
  private archivedAt = new Float64Array(0);
  private creators = new Uint16Array(0);
  private readonly rowById = new Map<number, number>();
  private readonly columns = new Map<string, Column>();
  private readonly history = new Map<string, Map<number, HistoryEntry[]>>();
  private rows = 0;
  private idOrder: number[] | undefined;
  private lastInsertedId = -Infinity;
  private highestId = 0;

  constructor(
    readonly info: ObjectTypeInfo,
    readonly schema: PropertySchema,
    /** Ids a fresh portal hands out start here, like HubSpot's long numeric ids. */
    private readonly firstId: number,
  ) {}

  get size(): number {
    return this.rows;
  }

  /** The id the next created object gets. */
  nextId(): number {
    return Math.max(this.highestId + 1, this.firstId);
  }

  /** The row of an object, or undefined; archived objects only when `archived` is true. */
  rowOf(id: string | number, archived = false): number | undefined {
    const numeric = typeof id === 'number' ? id : parseId(id);
    if (numeric === undefined) return undefined;
    const row = this.rowById.get(numeric);
    if (row === undefined) return undefined;
    return this.isArchived(row) === archived ? row : undefined;
  }

  idOf(row: number): string {
    return String(this.ids[row]);
  }

  createdAt(row: number): number {
    return this.created[row] ?? NaN;
  }

  updatedAt(row: number): number {
    return this.modified[row] ?? NaN;
  }

  archivedAtOf(row: number): number | undefined {
    const at = this.archivedAt[row];
    return at === undefined || Number.isNaN(at) ? undefined : at;
  }

  isArchived(row: number): boolean {
    return this.archivedAtOf(row) !== undefined;
  }

  creator(row: number): number {
    return this.creators[row] ?? 0;
  }

  insert(id: number, createdAt: number, actor: number): number {
    if (this.rowById.has(id)) throw new Error(`${this.info.name} ${id} exists`);
    const row = this.rows++;
    if (row >= this.ids.length) {
      const capacity = Math.max(64, this.ids.length * 2);
      this.ids = grow(this.ids, capacity);
      this.created = grow(this.created, capacity);
      this.modified = grow(this.modified, capacity);
      this.archivedAt = grow(this.archivedAt, capacity);
      const creators = new Uint16Array(capacity);
      creators.set(this.creators);
      this.creators = creators;
    }
    this.ids[row] = id;
    this.created[row] = createdAt;
    this.modified[row] = createdAt;
    this.creators[row] = actor;
    this.rowById.set(id, row);
    if (id < this.lastInsertedId) this.idOrder = undefined;
    else if (this.idOrder) this.idOrder.push(row);
    this.lastInsertedId = id;
    this.highestId = Math.max(this.highestId, id);
    return row;
  }

  /** Live rows in ascending id order, as list paging and search expect. */
  *liveRows(fromId = -Infinity): Iterable<number> {
    const order = this.rowsInIdOrder();
    let start = 0;
    if (fromId > -Infinity) {
      let high = order.length;
      while (start < high) {
        const middle = (start + high) >>> 1;
        if ((this.ids[order[middle]!] ?? 0) < fromId) start = middle + 1;
        else high = middle;
      }
    }
    for (let index = start; index < order.length; index++) {
      const row = order[index]!;
      if (!this.isArchived(row)) yield row;
    }
  }

  private rowsInIdOrder(): number[] {
    if (!this.idOrder) {
      const order = Array.from({ length: this.rows }, (_, row) => row);
      order.sort((a, b) => (this.ids[a] ?? 0) - (this.ids[b] ?? 0));
      this.idOrder = order;
    }
    return this.idOrder;
  }

  private systemProperty(name: string): SystemProperty | undefined {
    if (name === 'hs_object_id') return 'id';
    if (name === this.info.createdateProperty) return 'created';
    if (name === this.info.lastModifiedProperty) return 'modified';
    return undefined;
  }

  /** The stored (typed) value of a property, or undefined when unset. */
  value(row: number, name: string): StoredValue | undefined {
    switch (this.systemProperty(name)) {
      case 'id':
        return this.ids[row];
      case 'created':
        return this.created[row];
      case 'modified':
        return this.modified[row];
      case undefined:
        return this.columns.get(name)?.get(row);
    }
  }

  /** The value as HubSpot puts it on the wire (a string), or undefined when unset. */
  wireValue(row: number, name: string): string | undefined {
    const value = this.value(row, name);
    if (value === undefined) return undefined;
    const system = this.systemProperty(name);
    if (system === 'id') return String(value);
    if (system) return formatValue('datetime', value);
    const property = this.schema.get(name);
    return formatValue(property?.type ?? 'string', value);
  }

  /**
   * Sets a value. `initial` marks values given when the object was created: they keep the implicit
   * creation history entry. Returns whether the value changed.
   */
  set(
    row: number,
    property: StoredProperty,
    value: StoredValue | undefined,
    at: number,
    actor: number,
    initial: boolean,
  ): boolean {
    const system = this.systemProperty(property.name);
    if (system === 'created' && typeof value === 'number') {
      this.created[row] = value;
      return true;
    }
    if (system) return false;
    const before = this.value(row, property.name);
    if (before === value) return false;
    if (!initial) {
      const entries = this.explicitHistory(property.name, row, before);
      entries.push({
        value: value === undefined ? '' : formatValue(property.type, value),
        timestamp: at,
        actor,
      });
    }
    this.column(property).set(row, value);
    if (at > (this.modified[row] ?? 0)) this.modified[row] = at;
    return true;
  }

  /** Seeded history: entries replace the implicit creation entry; the last is the current value. */
  setHistory(row: number, name: string, entries: HistoryEntry[]): void {
    this.historyOf(name).set(row, entries);
  }

  /** History newest first, like HubSpot's `propertiesWithHistory`. */
  historyEntries(row: number, name: string): HistoryEntry[] {
    const explicit = this.history.get(name)?.get(row);
    if (explicit) return [...explicit].reverse();
    const value = this.wireValue(row, name);
    if (value === undefined) return [];
    const system = this.systemProperty(name);
    const timestamp = system === 'modified' ? this.updatedAt(row) : this.createdAt(row);
    return [{ value, timestamp, actor: this.creator(row) }];
  }

  archive(row: number, at: number): void {
    this.archivedAt[row] = at;
  }

  /** Re-encodes a property's stored values after its type changed (values that no longer fit are dropped). */
  retype(
    oldType: StoredProperty['type'],
    property: StoredProperty,
    convert: (wire: string) => StoredValue | undefined,
  ): void {
    const old = this.columns.get(property.name);
    if (!old) return;
    this.columns.delete(property.name);
    const next = this.column(property);
    for (let row = 0; row < this.rows; row++) {
      const value = old.get(row);
      if (value !== undefined) next.set(row, convert(formatValue(oldType, value)));
    }
  }

  private column(property: StoredProperty): Column {
    let column = this.columns.get(property.name);
    if (!column) {
      const numeric = property.type === 'number' || property.type === 'date' || property.type === 'datetime';
      column = numeric ? new NumberColumn() : new TextColumn();
      this.columns.set(property.name, column);
    }
    return column;
  }

  private historyOf(name: string): Map<number, HistoryEntry[]> {
    let byRow = this.history.get(name);
    if (!byRow) {
      byRow = new Map();
      this.history.set(name, byRow);
    }
    return byRow;
  }

  /** The explicit history list, starting it from the implicit creation entry when needed. */
  private explicitHistory(name: string, row: number, before: StoredValue | undefined): HistoryEntry[] {
    const byRow = this.historyOf(name);
    let entries = byRow.get(row);
    if (!entries) {
      entries = [];
      const wire = before === undefined ? undefined : this.wireValue(row, name);
      if (wire !== undefined)
        entries.push({ value: wire, timestamp: this.createdAt(row), actor: this.creator(row) });
      byRow.set(row, entries);
    }
    return entries;
  }
}

/** HubSpot object ids are positive integers; anything else names no object. */
export function parseId(id: string): number | undefined {
  if (!/^\d{1,15}$/.test(id)) return undefined;
  return Number(id);
}
