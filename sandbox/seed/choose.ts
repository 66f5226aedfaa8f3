import { generateDemoPortal } from './demo.ts';
import { emptyPortal } from './empty.ts';
import type { SeedRecord } from './records.ts';

export interface SeedChoice {
  name: 'demo' | 'empty';
  seedNumber: number;
  companies: number;
  /**
   * The demo's "today" (`YYYY-MM-DD`): renewal dates fall in the 12 months after it and engagement in
   * the 18 months before. Absent: the generator's fixed reference date, so tests are deterministic.
   */
  asOf?: string;
}

/** Today in UTC as `YYYY-MM-DD`: what `npm start` and the sandbox CLI seed the demo "as of". */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export const DEFAULT_SEED: SeedChoice = { name: 'empty', seedNumber: 1, companies: 2000 };

/** The seed stream for a choice: HubSpot's defaults, then the demo portal's records on top. */
export function* seedRecords(choice: SeedChoice): Iterable<SeedRecord> {
  yield* emptyPortal();
  if (choice.name === 'demo') {
    yield* generateDemoPortal({
      seedNumber: choice.seedNumber,
      companies: choice.companies,
      ...(choice.asOf ? { now: Date.parse(`${choice.asOf}T00:00:00Z`) } : {}),
    });
  }
}
