import type { FeatureSpec } from './features';

/** Minimum churn probability to enter each tier; a segment's account goes to the first it reaches. */
export interface TierCutPoints {
  churnRisk: number;
  belowAverage: number;
  average: number;
  aboveAverage: number;
}

/** Platt scaling: probability = σ(slope · linear score + intercept). */
export interface Calibration {
  slope: number;
  intercept: number;
}

export interface SegmentModel {
  centers: number[];
  scales: number[];
  intercept: number;
  weights: number[];
  calibration: Calibration;
  cutPoints: TierCutPoints;
  /** Where the cut points come from, in plain words. */
  cutPointSource: string;
  renewals: number;
  churned: number;
  /** How far the segment's weights moved from the global ones toward its own data (0–1). */
  ownWeightShare: number;
}

/**
 * A scoring model, serialisable as JSON (the settings store keeps one per portal).
 * `segments` always holds GLOBAL_SEGMENT, used for any segment the model does not know.
 */
export interface RiskModel {
  kind: 'rules' | 'learned';
  features: FeatureSpec[];
  segments: Record<string, SegmentModel>;
  /** Plain-words notes on how it was built (e.g. why it fell back to the rules). */
  notes: string[];
}
