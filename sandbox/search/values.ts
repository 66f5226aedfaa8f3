import type { PropertyType } from '#src/hubspot/catalog/index';

const DAY_MS = 86_400_000;

/** How a property type compares: by a number (number, dates, bool) or by case-folded text. */
export function comparesAsNumber(type: PropertyType): boolean {
  return type === 'number' || type === 'date' || type === 'datetime' || type === 'bool';
}

/**
 * The number a numeric-typed value compares by, or NaN when the text is not one. Dates and
 * datetimes arrive as epoch milliseconds or ISO 8601; a `date` is a calendar day, so both sides are
 * floored to midnight UTC (HubSpot stores dates as midnight UTC). Bools compare as 0/1.
 */
export function numericKey(type: PropertyType, text: string): number {
  if (text === '') return NaN;
  switch (type) {
    case 'date':
      return Math.floor(epochMillis(text) / DAY_MS) * DAY_MS;
    case 'datetime':
      return epochMillis(text);
    case 'bool':
      return boolKey(text);
    default:
      return Number(text);
  }
}

/** What a filter value of the type must look like, for error messages. */
export function expectedForm(type: PropertyType): string {
  switch (type) {
    case 'date':
      return 'a date as epoch milliseconds or ISO 8601 (e.g. 2026-01-31)';
    case 'datetime':
      return 'a datetime as epoch milliseconds or ISO 8601 (e.g. 2026-01-31T09:00:00Z)';
    case 'bool':
      return 'true or false';
    default:
      return 'a number';
  }
}

function epochMillis(text: string): number {
  if (text.charCodeAt(4) === DASH) return isoUtcMillis(text);
  return /^-?\d+$/.test(text) ? Number(text) : NaN;
}

const DASH = 45;
const COLON = 58;
const T = 84;
const Z = 90;
const DOT = 46;

/**
 * `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (HubSpot's wire forms) read from char codes: up to
 * 2M engagements are filtered by hs_timestamp per search and Date.parse dominated the scan.
 * Other ISO 8601 forms (offsets) go through Date.parse.
 */
function isoUtcMillis(text: string): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (text.charCodeAt(7) !== DASH || !(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return NaN;
  if (text.length === 10) return Date.UTC(year, month - 1, day);
  const zulu = text.length === 20 || (text.length === 24 && text.charCodeAt(19) === DOT);
  if (!zulu || text.charCodeAt(10) !== T || text.charCodeAt(text.length - 1) !== Z) return Date.parse(text);
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return NaN;
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  const millis = text.length === 24 ? digits(text, 20, 3) : 0;
  if (!(hours <= 23 && minutes <= 59 && seconds <= 59)) return NaN;
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, millis);
}

/** The decimal number in `count` characters from `start`, or NaN if any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

function boolKey(text: string): number {
  if (text === 'true' || text === 'TRUE' || text === 'True') return 1;
  if (text === 'false' || text === 'FALSE' || text === 'False') return 0;
  return NaN;
}
