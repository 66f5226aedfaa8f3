import type { RenewalWindow } from './tiers';
import { DAY_MS } from './signals/window';

/** comprehensive ≥ 90 days, compressed 30–89, emergency < 30 (a renewal date already past included). */
export function renewalWindow(daysToRenewal: number): RenewalWindow {
  if (daysToRenewal >= 90) return 'comprehensive';
  if (daysToRenewal >= 30) return 'compressed';
  return 'emergency';
}

/** Whole calendar days (UTC) from the scoring date to the renewal date; negative once it has passed. */
export function daysToRenewal(renewalDate: Date, scoringDate: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((day(renewalDate) - day(scoringDate)) / DAY_MS);
}
