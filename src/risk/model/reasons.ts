import { KIND_CODE, relativeToBaseline } from './baselines';
import type { FeatureSpec } from './features';
import type { RiskModel } from './risk-model';
import { GLOBAL_SEGMENT } from '../segments';

export interface ReasonCode {
  /** The feature shown for its group (the group's strongest in the group's direction). */
  feature: string;
  group: string;
  effect: 'raises_risk' | 'lowers_risk';
  /** The group's net contribution to the churn log-odds (after calibration). */
  logOdds: number;
  text: string;
}

/** A group moving the churn log-odds by less than this (≈ 5% in odds) is not worth a reason. */
export const MIN_REASON_LOG_ODDS = 0.05;

/**
 * Reason codes from the model's additive contributions: weight × (feature vs the segment's
 * baseline). Correlated features share a group; each group gives one reason, in the direction of
 * its net contribution, worded by its strongest member in that direction, so "emails up" and
 * "meetings down" never appear side by side. Strongest first.
 */
export function reasonCodes(
  model: RiskModel,
  segment: string,
  values: ArrayLike<number>,
  eventTexts: Readonly<Record<string, string>> = {},
): ReasonCode[] {
  const params = model.segments[segment] ?? model.segments[GLOBAL_SEGMENT];
  if (!params) return [];
  const groups = new Map<string, { net: number; members: { j: number; contribution: number }[] }>();
  model.features.forEach((feature, j) => {
    const x = relativeToBaseline(KIND_CODE[feature.kind], values[j]!, params.centers[j]!, params.scales[j]!);
    const contribution = params.calibration.slope * params.weights[j]! * x;
    if (contribution === 0) return;
    const group = groups.get(feature.group) ?? { net: 0, members: [] };
    group.net += contribution;
    group.members.push({ j, contribution });
    groups.set(feature.group, group);
  });
  const reasons: ReasonCode[] = [];
  for (const [group, { net, members }] of groups) {
    if (Math.abs(net) < MIN_REASON_LOG_ODDS) continue;
    const strongest = members.reduce((a, b) =>
      Math.sign(net) * b.contribution > Math.sign(net) * a.contribution ? b : a,
    );
    const feature = model.features[strongest.j]!;
    reasons.push({
      feature: feature.name,
      group,
      effect: net > 0 ? 'raises_risk' : 'lowers_risk',
      logOdds: net,
      text: reasonText(feature, values[strongest.j]!, params.centers[strongest.j]!, eventTexts[feature.name]),
    });
  }
  return reasons.sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
}

function reasonText(
  feature: FeatureSpec,
  value: number,
  center: number,
  eventText: string | undefined,
): string {
  if (feature.kind === 'flag') return eventText ?? feature.label;
  if (feature.kind === 'number') {
    return `${feature.label} ${formatAmount(value)} vs ${formatAmount(center)} for the segment's renewing accounts`;
  }
  const ratio = Math.max(value, 0) / center;
  const numbers = `(${formatAmount(value)} vs ${formatAmount(center)})`;
  if (ratio < 1)
    return `${feature.label} ${Math.round((1 - ratio) * 100)}% below the segment's renewing accounts ${numbers}`;
  if (ratio < 2)
    return `${feature.label} ${Math.round((ratio - 1) * 100)}% above the segment's renewing accounts ${numbers}`;
  return `${feature.label} ${formatAmount(ratio)}× the segment's renewing accounts ${numbers}`;
}

/** Numbers as a person writes them: integers plain, others with up to two significant decimals. */
export function formatAmount(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(Math.abs(value) >= 10 ? 3 : 2)));
}

/** The company's `rg_risk_drivers` text: its top risk reasons, then any data gaps. */
export function riskDriversText(
  reasons: readonly ReasonCode[],
  missing: readonly string[] = [],
  top = 3,
): string {
  const risks = reasons.filter((r) => r.effect === 'raises_risk').slice(0, top);
  const main = risks.length > 0 ? risks.map((r) => r.text).join('; ') : 'No risk drivers stand out';
  const text = missing.length > 0 ? `${main}. Data gaps: ${missing.join(', ')}` : main;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
