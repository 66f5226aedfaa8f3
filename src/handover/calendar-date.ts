/**
 * Calendar dates as HubSpot stores them. Date properties come back as `YYYY-MM-DD`, older APIs
 * and some exports give midnight UTC in epoch milliseconds, datetimes are ISO strings; the gate
 * compares whole days in UTC, the way HubSpot shows a date property.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) for a date, datetime or epoch-ms string; null when it is none of those. */
export function dayNumber(value: string): number | null {
  const text = value.trim();
  const ms = instantMs(text);
  if (ms === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(ms).toISOString().slice(0, 10) !== text) return null;
  return Math.floor(ms / DAY_MS);
}

/** `YYYY-MM-DD` (UTC) for a date, datetime or epoch-ms string; null when it is none of those. */
export function calendarDate(value: string): string | null {
  const day = dayNumber(value);
  return day === null ? null : dayToDate(day);
}

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoInstant: string, days: number): string {
  return new Date(Date.parse(isoInstant) + days * DAY_MS).toISOString();
}

/** Epoch milliseconds of an ISO datetime or epoch-ms string; null when it is neither. */
export function instantMs(value: string): number | null {
  const text = value.trim();
  const ms = /^\d{9,}$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
