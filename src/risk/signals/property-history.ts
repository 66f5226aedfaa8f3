import { toMillis, type PropertyValue } from './activity';

/**
 * The value a property held at `at` (the latest history entry dated before it).
 * Without any history the current value stands in for it; with history, a property that had
 * no value yet at `at` is null, so later values never leak into a past score.
 */
export function valueAt(
  history: readonly PropertyValue[] | undefined,
  current: string | null | undefined,
  at: number,
): string | null {
  if (!history || history.length === 0) return current ?? null;
  let best: { value: string | null; time: number } | null = null;
  for (const entry of history) {
    const time = toMillis(entry.timestamp);
    if (!(time < at)) continue;
    if (best === null || time >= best.time) best = { value: entry.value, time };
  }
  return best?.value ?? null;
}

export function numberAt(
  history: readonly PropertyValue[] | undefined,
  current: string | null | undefined,
  at: number,
): number | null {
  const raw = valueAt(history, current, at);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** History entries inside [start, end), oldest first, with their times. */
export function entriesBetween(
  history: readonly PropertyValue[] | undefined,
  start: number,
  end: number,
): { value: string | null; time: number }[] {
  return (history ?? [])
    .map((entry) => ({ value: entry.value, time: toMillis(entry.timestamp) }))
    .filter((entry) => entry.time >= start && entry.time < end)
    .sort((a, b) => a.time - b.time);
}
