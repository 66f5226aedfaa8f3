/** HubSpot's Professional/Enterprise limit and the search endpoints' per-second limit. */
export const TEN_SECOND_LIMIT = 190;
export const SEARCH_PER_SECOND = 5;

/**
 * The shortest time in which a client could make these calls without a 429, if HubSpot's limits
 * were the only thing slowing it down. In a rolling 10-second window of L requests, L calls may
 * start at once and each further L only when the first of the previous L leaves the window: n calls
 * need ⌈n / L⌉ − 1 full windows. Searches also obey their own per-second window.
 */
export function rateLimitedSeconds(
  calls: number,
  searches = 0,
  limits = { tenSecond: TEN_SECOND_LIMIT, searchPerSecond: SEARCH_PER_SECOND },
): number {
  const windows = (n: number, perWindow: number) => Math.max(0, Math.ceil(n / perWindow) - 1);
  return Math.max(windows(calls, limits.tenSecond) * 10, windows(searches, limits.searchPerSecond));
}
