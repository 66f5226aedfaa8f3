import type { CompanyRiskRecord } from '#src/crm/risk-port';
import { reasonCodes, riskDriversText } from '../model/reasons';
import { scoreOne, type CompanyScore } from '../model/score';
import { companyRiskOutputs, type CompanyRiskOutputs } from '../outputs';
import { daysToRenewal } from '../renewal-window';
import type { ScoringModel } from '../score-company';
import { assignSegment } from '../segments';
import type { RiskSettings } from '../settings';
import { signalEventTexts, signalFeatureValues } from '../signal-features';
import { toMillis } from '../signals/activity';
import { computeSignals } from '../signals/compute-signals';
import { activityAt } from './record-activity';

export const OUTPUT_PROPERTIES: readonly (keyof CompanyRiskOutputs)[] = [
  'rg_risk_tier',
  'rg_risk_score',
  'rg_churn_probability',
  'rg_risk_drivers',
  'rg_risk_scored_at',
  'rg_days_to_renewal',
  'rg_renewal_window',
  'rg_segment',
];

/**
 * What the sync keeps of a company between reading and scoring: its feature vector and the few
 * values the outputs, the review task and the change check need — not its engagements, so a
 * portal of 100k companies fits in a Lambda's memory.
 */
export interface CompanyFeatures {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  values: Float64Array;
  segment: string;
  eventTexts: Record<string, string>;
  /** Data gaps and segment fallbacks, in plain words, for the drivers text. */
  missing: string[];
  renewalDate: Date | null;
  /** The outputs as stored now: only differences are written, and the stored tier gates the review task. */
  stored: Record<string, string | null>;
}

export function companyFeatures(
  record: CompanyRiskRecord,
  settings: RiskSettings,
  scoringDate: Date,
): CompanyFeatures {
  const signals = computeSignals(activityAt(record, scoringDate), scoringDate, settings);
  const p = record.properties;
  const arr = p[settings.properties.arr] ? Number(p[settings.properties.arr]) : Number.NaN;
  const assignment = assignSegment(
    {
      arr: Number.isFinite(arr) ? arr : null,
      segmentValue: settings.segments.property ? p[settings.segments.property] : null,
    },
    settings,
  );
  const renewalText = p[settings.properties.renewalDate];
  const renewal = renewalText ? new Date(toMillis(renewalText)) : null;
  return {
    companyId: record.id,
    name: p.name ?? null,
    ownerId: p.hubspot_owner_id || null,
    values: signalFeatureValues(signals),
    segment: assignment.segment,
    eventTexts: signalEventTexts(signals),
    missing: assignment.fallbackReason
      ? [...signals.diagnostics.missing, assignment.fallbackReason]
      : signals.diagnostics.missing,
    renewalDate: renewal && !Number.isNaN(renewal.getTime()) ? renewal : null,
    stored: Object.fromEntries(OUTPUT_PROPERTIES.map((name) => [name, p[name] ?? null])),
  };
}

export interface FeatureScore extends CompanyScore {
  outputs: CompanyRiskOutputs;
}

/** The company's score and outputs from its kept features (what `scoreCompany` does from activity). */
export function scoreFeatures(
  features: CompanyFeatures,
  { model, compiled }: ScoringModel,
  scoredAt: Date,
): FeatureScore {
  const score = scoreOne(compiled, features.segment, features.values);
  const segment = model.segments[features.segment] ? features.segment : 'all';
  const reasons = reasonCodes(model, segment, features.values, features.eventTexts);
  return {
    ...score,
    outputs: companyRiskOutputs({
      ...score,
      drivers: riskDriversText(reasons, features.missing),
      scoredAt,
      daysToRenewal: features.renewalDate ? daysToRenewal(features.renewalDate, scoredAt) : null,
      segment: features.segment,
    }),
  };
}
