import { performance } from 'node:perf_hooks';
import { seededRandom } from '#src/random/seeded-random';
import { reasonCodes, riskDriversText } from '#src/risk/model/reasons';
import { buildRulesModel } from '#src/risk/model/rules-model';
import { compileModel, scoreRows, segmentSlot } from '#src/risk/model/score';
import { DEFAULT_RISK_SETTINGS } from '#src/risk/settings';
import { SIGNAL_FEATURES } from '#src/risk/signal-features';

/**
 * `npm run bench -- risk-scoring [companies]`: scores companies whose signals are already computed,
 * in memory (the risk worker's inner loop), then again with reason codes and drivers text.
 */
const companies = Number(process.argv[2] ?? 100_000);
const d = SIGNAL_FEATURES.length;
const random = seededRandom(5);
const segments = ['I', 'A', 'B', 'C', 'D'];
const values = new Float64Array(companies * d);
const rowSegments: string[] = [];
for (let i = 0; i < companies; i++) {
  rowSegments.push(segments[i % 5]!);
  SIGNAL_FEATURES.forEach((f, j) => {
    values[i * d + j] =
      f.kind === 'flag' ? (random() < 0.05 ? 1 : 0) : random() < 0.1 ? Number.NaN : Math.floor(random() * 40);
  });
}
const model = buildRulesModel(SIGNAL_FEATURES, DEFAULT_RISK_SETTINGS, {
  population: { values, segments: rowSegments },
});
const compiled = compileModel(model);
const slots = Int32Array.from(rowSegments, (s) => segmentSlot(compiled, s));

let start = performance.now();
const scored = scoreRows(compiled, values, slots);
const scoring = performance.now() - start;

start = performance.now();
let characters = 0;
for (let i = 0; i < companies; i++) {
  const reasons = reasonCodes(model, rowSegments[i]!, values.subarray(i * d, (i + 1) * d));
  characters += riskDriversText(reasons).length;
}
const explaining = performance.now() - start;

console.log(
  JSON.stringify({
    companies,
    features: d,
    scoringMs: Math.round(scoring),
    withReasonsMs: Math.round(explaining),
    bottomTwoShare: scored.tier.reduce((a, t) => a + (t >= 3 ? 1 : 0), 0) / companies,
    averageDriversLength: Math.round(characters / companies),
  }),
);
