import type { PropertyProblem } from '../http/errors.ts';
import type { StoredValue } from './columns.ts';
import type { StoredProperty } from './property-schema.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const EPOCH_MS = /^-?\d{1,15}$/;
const DAY_MS = 86_400_000;

/** A wire value checked against its property: the typed value to store (`undefined` clears it). */
export type ParsedValue =
  { ok: true; value: StoredValue | undefined } | { ok: false; problem: PropertyProblem };

/**
 * Parses a value the way HubSpot validates writes: numbers as decimals, dates as `YYYY-MM-DD` or
 * midnight-UTC epoch ms, datetimes as ISO 8601 or epoch ms, enumerations against their options
 * (`;`-separated for checkboxes). An empty string clears the property.
 */
export function parseValue(property: StoredProperty, raw: unknown): ParsedValue {
  if (raw === null || raw === '') return { ok: true, value: undefined };
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return problem(property, 'INVALID_TYPE', `${JSON.stringify(raw)} is not a valid value: send a string`);
  }
  const text = String(raw);
  switch (property.type) {
    case 'number':
      return NUMBER.test(text.trim())
        ? { ok: true, value: Number(text) }
        : problem(property, 'INVALID_LONG', `${text} was not a valid number.`);
    case 'date':
      return parseDate(property, text);
    case 'datetime':
      return parseDatetime(property, text);
    case 'bool':
      return text === 'true' || text === 'false'
        ? { ok: true, value: text === 'true' ? 'true' : 'false' }
        : problem(property, 'INVALID_BOOLEAN', `${text} was not a valid boolean: use "true" or "false".`);
    case 'enumeration':
      return parseOption(property, text);
    case 'string':
      return { ok: true, value: text };
  }
}

function parseDate(property: StoredProperty, text: string): ParsedValue {
  const day = DAY.exec(text);
  let ms: number;
  if (day) ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  else if (EPOCH_MS.test(text)) ms = Number(text);
  else if (ISO_DATETIME.test(text)) ms = Date.parse(text);
  else return problem(property, 'INVALID_DATE', `${text} was not a valid date: use YYYY-MM-DD.`);
  if (Number.isNaN(ms) || (day && new Date(ms).toISOString().slice(0, 10) !== text)) {
    return problem(property, 'INVALID_DATE', `${text} was not a valid date: use YYYY-MM-DD.`);
  }
  if (ms % DAY_MS !== 0) {
    const time = new Date(ms).toISOString().slice(11, 23);
    return problem(property, 'INVALID_DATE', `${text} is at ${time} UTC. Dates must be at midnight UTC.`);
  }
  return { ok: true, value: ms };
}

function parseDatetime(property: StoredProperty, text: string): ParsedValue {
  let ms = NaN;
  if (EPOCH_MS.test(text)) ms = Number(text);
  else if (ISO_DATETIME.test(text)) ms = Date.parse(text);
  else if (DAY.test(text)) ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms)) {
    return problem(
      property,
      'INVALID_DATETIME',
      `${text} was not a valid datetime: use ISO 8601 (2026-03-01T12:00:00Z) or epoch milliseconds.`,
    );
  }
  return { ok: true, value: ms };
}

function parseOption(property: StoredProperty, text: string): ParsedValue {
  const multiple = property.fieldType === 'checkbox';
  const values = multiple ? text.split(';') : [text];
  const canonical: string[] = [];
  for (const value of values) {
    const option = property.optionValues.get(value);
    if (option === undefined) {
      const allowed = [...property.optionValues.keys()].join(', ');
      return problem(property, 'INVALID_OPTION', `${value} was not one of the allowed options: [${allowed}]`);
    }
    canonical.push(option);
  }
  return { ok: true, value: multiple ? canonical.join(';') : canonical[0] };
}

function problem(property: StoredProperty, error: string, message: string): ParsedValue {
  return { ok: false, problem: { isValid: false, message, error, name: property.name } };
}

/** Renders a stored value as HubSpot puts it on the wire. */
export function formatValue(type: StoredProperty['type'], value: StoredValue): string {
  if (typeof value === 'string') return value;
  if (type === 'date') return new Date(value).toISOString().slice(0, 10);
  if (type === 'datetime') return new Date(value).toISOString();
  return String(value);
}
