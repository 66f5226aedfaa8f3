import { parse } from 'csv-parse/sync';
import {
  FEATURE_KINDS,
  GENERIC_DEFAULT_WEIGHTS,
  type FeatureKind,
  type FeatureSpec,
} from '../model/features';
import { arrSegment, GLOBAL_SEGMENT } from '../segments';
import { SIGNAL_FEATURES } from '../signal-features';
import type { BacktestRow } from './backtest-rows';

export interface CsvFeatureColumn {
  column: string;
  kind: FeatureKind;
}

/** Which CSV columns hold what. Only `id`, `outcome` and the features are required. */
export interface CsvColumns {
  id: string;
  outcome: string;
  segment?: string;
  customer?: string;
  arr?: string;
  renewalDate?: string;
  features: CsvFeatureColumn[];
}

export interface RejectedRow {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  reason: string;
}

export interface CsvRenewals {
  rows: BacktestRow[];
  features: FeatureSpec[];
  rejected: RejectedRow[];
}

/** `meetings:engagement`, `champion_left:flag`, `nps` (number when no kind is given). */
export function parseFeatureColumn(argument: string): CsvFeatureColumn {
  const at = argument.lastIndexOf(':');
  const kind = at > 0 ? argument.slice(at + 1) : '';
  if (at > 0 && FEATURE_KINDS.includes(kind as FeatureKind)) {
    return { column: argument.slice(0, at), kind: kind as FeatureKind };
  }
  if (at > 0 && /^[a-z]+$/.test(kind)) {
    throw new Error(`--feature ${argument}: kind "${kind}" is not one of ${FEATURE_KINDS.join(', ')}`);
  }
  return { column: argument, kind: 'number' };
}

/** A CSV column as a model feature: a known signal keeps its label and default weight. */
export function featureOfColumn({ column, kind }: CsvFeatureColumn): FeatureSpec {
  const known = SIGNAL_FEATURES.find((f) => f.name === column && f.kind === kind);
  if (known) return known;
  return {
    name: column,
    kind,
    label: column.replace(/[_-]+/g, ' '),
    // Engagement columns move together; reasons show the strongest of them only.
    group: kind === 'engagement' ? 'engagement' : column,
    defaultWeight: GENERIC_DEFAULT_WEIGHTS[kind],
  };
}

const OUTCOMES: Record<string, BacktestRow['outcome']> = {
  renewed: 'renewed',
  churned: 'churned',
  '1': 'renewed',
  '0': 'churned',
};

/**
 * Reads past renewals from CSV text. A bad row (wrong number of fields, unknown outcome, a value
 * that is not a number, a repeated id) is reported with its line number and the others are used.
 * A missing column is an error naming it. Empty feature cells are "no data".
 */
export function readRenewalsCsv(text: string, columns: CsvColumns): CsvRenewals {
  const records = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
  }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const [header, ...body] = records;
  if (!header) throw new Error('The CSV is empty: expected a header line and one row per past renewal.');
  const names = header.record.map((h) => h.trim());
  const index = (column: string, option: string): number => {
    const at = names.indexOf(column);
    if (at < 0) throw new Error(`${option} ${column}: no such column; the CSV has ${names.join(', ')}`);
    return at;
  };
  const at = {
    id: index(columns.id, '--id'),
    outcome: index(columns.outcome, '--outcome'),
    segment: columns.segment ? index(columns.segment, '--segment') : -1,
    customer: columns.customer ? index(columns.customer, '--customer') : -1,
    arr: columns.arr ? index(columns.arr, '--arr') : -1,
    renewalDate: columns.renewalDate ? index(columns.renewalDate, '--renewal-date') : -1,
    features: columns.features.map((f) => index(f.column, '--feature')),
  };
  const rows: BacktestRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  for (const { record, info } of body) {
    const line = info.lines;
    const problem = rowProblem(record, names.length, at, columns, seen);
    if (typeof problem === 'string') rejected.push({ line, reason: problem });
    else {
      seen.add(problem.id);
      rows.push(problem);
    }
  }
  return { rows, features: columns.features.map(featureOfColumn), rejected };
}

function rowProblem(
  record: string[],
  width: number,
  at: {
    id: number;
    outcome: number;
    segment: number;
    customer: number;
    arr: number;
    renewalDate: number;
    features: number[];
  },
  columns: CsvColumns,
  seen: Set<string>,
): BacktestRow | string {
  if (record.length !== width) return `expected ${width} fields, found ${record.length}`;
  const cell = (i: number) => (i >= 0 ? (record[i] ?? '').trim() : '');
  const id = cell(at.id);
  if (id === '') return `${columns.id} is empty`;
  if (seen.has(id)) return `${columns.id} "${id}" appears twice`;
  const outcome = OUTCOMES[cell(at.outcome).toLowerCase()];
  if (!outcome)
    return `${columns.outcome} "${cell(at.outcome)}" is not renewed, churned, 1 (renewed) or 0 (churned)`;
  const number = (i: number, column: string): number | null | string => {
    const raw = cell(i).replace(/[,_\s]/g, '');
    if (raw === '') return null;
    const value = Number(raw);
    return Number.isFinite(value) ? value : `${column} "${cell(i)}" is not a number`;
  };
  const arr = at.arr >= 0 ? number(at.arr, columns.arr!) : null;
  if (typeof arr === 'string') return arr;
  const features: Record<string, number | null> = {};
  for (const [k, i] of at.features.entries()) {
    const column = columns.features[k]!.column;
    const value = number(i, column);
    if (typeof value === 'string') return value;
    features[column] = value;
  }
  const renewalDate = cell(at.renewalDate);
  if (at.renewalDate >= 0 && renewalDate !== '' && Number.isNaN(Date.parse(renewalDate))) {
    return `${columns.renewalDate} "${renewalDate}" is not a date`;
  }
  return {
    id,
    customerId: cell(at.customer) || id,
    segment: cell(at.segment) || arrSegment(arr) || GLOBAL_SEGMENT,
    outcome,
    arr,
    renewalDate: renewalDate || null,
    features,
  };
}
