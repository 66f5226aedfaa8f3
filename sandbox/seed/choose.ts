import { generateDemoPortal } from './demo.ts';
import { emptyPortal } from './empty.ts';
import type { SeedRecord } from './records.ts';

export interface SeedChoice {
  name: 'demo' | 'empty';
  seedNumber: number;
  companies: number;
}

export const DEFAULT_SEED: SeedChoice = { name: 'empty', seedNumber: 1, companies: 2000 };

/** The seed stream for a choice: HubSpot's defaults, then the demo portal's records on top. */
export function* seedRecords(choice: SeedChoice): Iterable<SeedRecord> {
  yield* emptyPortal();
  if (choice.name === 'demo') {
    yield* generateDemoPortal({ seedNumber: choice.seedNumber, companies: choice.companies });
  }
}
