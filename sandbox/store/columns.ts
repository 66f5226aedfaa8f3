/**
 * Column storage for one property of one object type, indexed by row. Numbers, dates and
 * datetimes live in a Float64Array (NaN = unset), everything else in a plain array of interned
 * strings: a 2-million-engagement portal would not fit in memory as one JS object per record.
 */
export type StoredValue = number | string;

export interface Column {
  readonly kind: 'number' | 'text';
  get(row: number): StoredValue | undefined;
  set(row: number, value: StoredValue | undefined): void;
}

export class NumberColumn implements Column {
  readonly kind = 'number';
  private values = new Float64Array(0);

  get(row: number): number | undefined {
    const value = this.values[row];
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  set(row: number, value: StoredValue | undefined): void {
    if (row >= this.values.length) this.values = grow(this.values, row + 1);
    this.values[row] = typeof value === 'number' ? value : NaN;
  }
}

export class TextColumn implements Column {
  readonly kind = 'text';
  private readonly values: (string | undefined)[] = [];

  get(row: number): string | undefined {
    return this.values[row];
  }

  set(row: number, value: StoredValue | undefined): void {
    while (this.values.length < row) this.values.push(undefined);
    this.values[row] = value === undefined ? undefined : String(value);
  }
}

/** Doubles capacity (at least to `needed`), filling new slots with NaN = unset. */
export function grow(values: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(needed, values.length * 2, 64)).fill(NaN);
  next.set(values);
  return next;
}
