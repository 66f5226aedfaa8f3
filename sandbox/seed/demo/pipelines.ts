import type { SeedPipeline, SeedRecord } from '../records';
import { DEMO_PORTAL_FACTS } from './facts';

const { enterpriseSales, renewals } = DEMO_PORTAL_FACTS.pipelines;

/** Deal stage metadata as HubSpot returns it: strings, won = closed at probability 1.0. */
const open = (probability: string) => ({ isClosed: 'false', probability });
const WON = { isClosed: 'true', probability: '1.0' };
const LOST = { isClosed: 'true', probability: '0.0' };

function pipeline(
  def: { id: string; label: string; openStages: readonly string[]; won: string; lost: string },
  displayOrder: number,
  openLabels: readonly [string, string][],
  wonLabel: string,
  lostLabel: string,
): SeedPipeline {
  const stages = def.openStages.map((id, i) => {
    const [label, probability] = openLabels[i] ?? [`Stage ${i + 1}`, '0.5'];
    return { id, label, displayOrder: i, metadata: open(probability) };
  });
  const n = stages.length;
  stages.push({ id: def.won, label: wonLabel, displayOrder: n, metadata: WON });
  stages.push({ id: def.lost, label: lostLabel, displayOrder: n + 1, metadata: LOST });
  return { id: def.id, label: def.label, displayOrder, stages };
}

/** The portal's own deal pipelines; HubSpot's default sales pipeline comes from the empty seed. */
export function* pipelineRecords(): Generator<SeedRecord> {
  yield {
    kind: 'pipeline',
    objectType: 'deals',
    pipeline: pipeline(
      enterpriseSales,
      1,
      [
        ['Discovery', '0.1'],
        ['Solution design', '0.3'],
        ['Business case', '0.6'],
        ['Security & legal review', '0.8'],
      ],
      'Contract signed',
      'Closed lost',
    ),
  };
  yield {
    kind: 'pipeline',
    objectType: 'deals',
    pipeline: pipeline(
      renewals,
      2,
      [
        ['Renewal upcoming', '0.8'],
        ['In negotiation', '0.7'],
        ['Verbal commit', '0.9'],
      ],
      'Renewed',
      'Churned',
    ),
  };
}
