import { compileModel, scoreOne, type CompanyScore, type CompiledModel } from './model/score';
import { reasonCodes, riskDriversText, type ReasonCode } from './model/reasons';
import type { RiskModel } from './model/risk-model';
import { companyRiskOutputs, type CompanyRiskOutputs } from './outputs';
import { daysToRenewal } from './renewal-window';
import { assignSegment, type SegmentAssignment } from './segments';
import type { RiskSettings } from './settings';
import { signalEventTexts, signalFeatureValues } from './signal-features';
import type { CompanyActivity } from './signals/activity';
import { computeSignals } from './signals/compute-signals';
import type { CompanySignals } from './signals/company-signals';

export interface CompanyRiskAssessment extends CompanyScore, SegmentAssignment {
  signals: CompanySignals;
  reasons: ReasonCode[];
  outputs: CompanyRiskOutputs;
}

/** A model ready to score: its JSON form for reasons, its flat form for speed. */
export interface ScoringModel {
  model: RiskModel;
  compiled: CompiledModel;
}

export const scoringModel = (model: RiskModel): ScoringModel => ({ model, compiled: compileModel(model) });

/** The properties the sync must read for each company, and those it needs with history. */
export function riskPropertiesToRead(settings: RiskSettings): {
  properties: string[];
  withHistory: string[];
} {
  const p = settings.properties;
  const withHistory = [p.activeUsers, p.seats, p.nps, p.csat, p.businessChange].filter((x): x is string =>
    Boolean(x),
  );
  const properties = [p.arr, p.renewalDate, settings.segments.property, ...withHistory].filter(
    (x): x is string => Boolean(x),
  );
  return { properties: [...new Set(properties)], withHistory };
}

/**
 * Scores one company at `scoringDate` with a model built on the portal's features
 * (`signalFeatures(settings)`): signals → segment → churn probability, tier and reasons → outputs.
 */
export function scoreCompany(
  activity: CompanyActivity,
  { model, compiled }: ScoringModel,
  settings: RiskSettings,
  scoringDate: Date,
): CompanyRiskAssessment {
  const signals = computeSignals(activity, scoringDate, settings);
  const arrText = activity.properties[settings.properties.arr];
  const arr = arrText ? Number(arrText) : null;
  const assignment = assignSegment(
    {
      arr: Number.isFinite(arr) ? arr : null,
      segmentValue: settings.segments.property ? activity.properties[settings.segments.property] : null,
    },
    settings,
  );
  const values = signalFeatureValues(signals);
  const score = scoreOne(compiled, assignment.segment, values);
  const reasons = reasonCodes(
    model,
    model.segments[assignment.segment] ? assignment.segment : 'all',
    values,
    signalEventTexts(signals),
  );
  const renewalText = activity.properties[settings.properties.renewalDate];
  const renewal = renewalText
    ? new Date(/^\d+$/.test(renewalText) ? Number(renewalText) : renewalText)
    : null;
  const missing = assignment.fallbackReason
    ? [...signals.diagnostics.missing, assignment.fallbackReason]
    : signals.diagnostics.missing;
  return {
    ...score,
    ...assignment,
    signals,
    reasons,
    outputs: companyRiskOutputs({
      ...score,
      drivers: riskDriversText(reasons, missing),
      scoredAt: scoringDate,
      daysToRenewal: renewal && !Number.isNaN(renewal.getTime()) ? daysToRenewal(renewal, scoringDate) : null,
      segment: assignment.segment,
    }),
  };
}
