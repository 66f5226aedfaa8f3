export const DAY_MS = 86_400_000;

/** The engagement window: [scoring date − days, scoring date). Activity on or after the scoring date is future. */
export interface ScoringWindow {
  start: number;
  end: number;
  days: number;
}

export function scoringWindow(scoringDate: Date, days: number): ScoringWindow {
  const end = scoringDate.getTime();
  return { start: end - days * DAY_MS, end, days };
}

export const isoDay = (millis: number): string => new Date(millis).toISOString().slice(0, 10);
