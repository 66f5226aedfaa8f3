import { DAY_MS } from './facts';

export { DAY_MS };

/** HubSpot `date` properties: `YYYY-MM-DD` (UTC midnight). */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** HubSpot `datetime` properties and `hs_timestamp`: ISO 8601. */
export const isoDateTime = (ms: number): string => new Date(ms).toISOString();

/** Midnight UTC of the day holding `ms`, so "today" does not depend on the hour the demo was made. */
export const startOfUtcDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** Same calendar day `years` later, in UTC (Feb 29 rolls to Mar 1, as contracts do). */
export function addUtcYears(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** Same day `months` later, in UTC. */
export function addUtcMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** A working-hours time on the day of `ms` (09:00–17:00 UTC), so activity does not happen at midnight. */
export const duringWorkingHours = (ms: number, fraction: number): number =>
  startOfUtcDay(ms) + Math.floor((9 + 8 * fraction) * 3_600_000);
