import type { BaseDate } from '@hubspot/ui-extensions';

/** `YYYY-MM-DD` (how the card API carries rg_first_value_date) to DateInput's value; months count from 0. */
export function toDateInput(value: string | null): BaseDate | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) };
}

export function fromDateInput(value: BaseDate | null | undefined): string | null {
  if (!value) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month + 1)}-${pad(value.date)}`;
}

/** A timestamp from the API shown as a calendar day, e.g. "2026-03-14". */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
