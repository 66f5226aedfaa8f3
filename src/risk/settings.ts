import { z } from 'zod';
import { SIGNAL_FEATURE_NAMES } from './signal-features';

/**
 * Default phrase lists (DESIGN.md §4). Matched case-insensitively on whole words in notes,
 * email subjects and tickets. Competitive: comparisons with a competitor, data export or migration.
 * Budget: cost cutting, price too high, reviewing all vendors, need to show ROI.
 */
export const DEFAULT_COMPETITOR_PHRASES = [
  'competitor',
  'alternative vendor',
  'compared to',
  'comparing',
  'switching to',
  'switch to',
  'migrate',
  'migration',
  'data export',
  'export our data',
  'export all',
  'other tool',
  'evaluating other',
];
export const DEFAULT_BUDGET_PHRASES = [
  'cost cutting',
  'cost-cutting',
  'budget cut',
  'budget freeze',
  'too expensive',
  'price too high',
  'price increase',
  'reduce spend',
  'reviewing all vendors',
  'vendor review',
  'vendor consolidation',
  'show roi',
  'prove roi',
  'need to show value',
];
/** Job titles that make a newly added contact a decision maker worth noticing. */
export const DEFAULT_DECISION_MAKER_TITLES = [
  'chief',
  'ceo',
  'cfo',
  'cto',
  'coo',
  'cio',
  'vp',
  'vice president',
  'head of',
  'director',
  'procurement',
];

const phrase = z.string().trim().min(1, 'expected a non-empty phrase');
const propertyName = z
  .string()
  .regex(/^[a-z0-9_]+$/, 'expected a HubSpot property name (lowercase letters, digits and _)');
const share = z.number().gt(0).lt(1);

export const riskSettingsSchema = z
  .object({
    /** Engagement window ending at the scoring date. */
    windowDays: z.number().int().min(7).max(730).default(180),
    /** The backtest scores each past renewal this many days before its renewal date. */
    backtestLeadDays: z.number().int().min(0).max(365).default(90),
    /** An open ticket older than this counts as long-running. */
    longOpenTicketDays: z.number().int().min(1).default(30),
    /** Trends compare the value at the scoring date with the value this many days earlier. */
    trendLookbackDays: z.number().int().min(7).default(90),
    /** An NPS at or below this is a discrete risk event ("very low NPS"); NPS is on 0–10. */
    veryLowNpsAtMost: z.number().min(0).max(10).default(4),
    properties: z
      .object({
        arr: propertyName.default('rg_arr'),
        renewalDate: propertyName.default('rg_renewal_date'),
        businessChange: propertyName.default('rg_business_change'),
        /** Weekly active users (or any usage count); absent → usage is neutral, flagged "no usage data". */
        activeUsers: propertyName.optional(),
        /** Licensed seats; when set, usage is active users ÷ seats. */
        seats: propertyName.optional(),
        nps: propertyName.optional(),
        csat: propertyName.optional(),
        /** Deal property naming the champion contact (the handover artifact's field). */
        champion: propertyName.default('rg_champion_contact_id'),
        /** Contact checkbox set when the person left the customer; absent → no champion-left signal. */
        leftCompany: propertyName.optional(),
      })
      .prefault({}),
    /** Which deals are renewals: their outcomes train the model, their engagements are left out. */
    renewals: z
      .object({
        /** HubSpot `dealtype` values of renewal deals (HubSpot's own value: existingbusiness). */
        dealTypes: z.array(z.string().min(1)).default(['existingbusiness']),
        /** Pipelines holding only renewals: any deal in one is a renewal. */
        pipelineIds: z.array(z.string().min(1)).default([]),
      })
      .prefault({}),
    segments: z
      .object({
        /** A company property holding the segment; absent → segments by ARR (DEFAULT_SEGMENTS). */
        property: propertyName.optional(),
        /** Where a company goes when its segment value is empty or not one of `values`. */
        fallback: z.enum(['arr', 'global']).default('arr'),
        /** The accepted values of `property`; empty → any non-empty value is a segment. */
        values: z.array(z.string().min(1)).default([]),
      })
      .prefault({}),
    phrases: z
      .object({
        competitor: z.array(phrase).default(DEFAULT_COMPETITOR_PHRASES),
        budget: z.array(phrase).default(DEFAULT_BUDGET_PHRASES),
        decisionMakerTitles: z.array(phrase).default(DEFAULT_DECISION_MAKER_TITLES),
      })
      .prefault({}),
    /** Overrides of the rules-based default weights, by feature name (see signal-features.ts). */
    weights: z.record(z.string(), z.number().finite()).default({}),
    model: z
      .object({
        /** L2 penalty pulling the global model toward the default weights. */
        globalPenalty: z.number().min(0).default(1),
        /** Pooling: λ_segment = poolStrength · poolHalfEvents / (poolHalfEvents + churn events). */
        poolStrength: z.number().min(0).default(40),
        /**
         * Pooling strengths tried by held-out log-loss on grouped folds; the best is used. Empty →
         * `poolStrength` as given. 10 lets big segments speak; 1,000 keeps every segment near global.
         */
        poolStrengthChoices: z.array(z.number().min(0)).default([10, 40, 200, 1000]),
        poolHalfEvents: z.number().positive().default(20),
        /** A segment calibrates its own Platt slope from this many churn events; below, intercept only. */
        calibrationSlopeMinEvents: z.number().int().min(1).default(30),
        /** Internal folds giving the held-out scores that calibration and cut points are fitted on. */
        folds: z.number().int().min(2).max(20).default(5),
      })
      .prefault({}),
    tiers: z
      .object({
        bottomTwoMin: share.default(0.2),
        bottomTwoTarget: share.default(0.225),
        bottomTwoMax: share.default(0.25),
        /** A segment needs this many past renewals (and 2 churns) for cut points of its own. */
        minSegmentHistory: z.number().int().min(1).default(20),
        /**
         * With history: one set of cut points on calibrated probabilities for the whole portal
         * (most churn caught for the share), or each segment's own share of 20–25%.
         */
        cutPointsBy: z.enum(['portal', 'segment']).default('portal'),
      })
      .prefault({})
      .refine((t) => t.bottomTwoMin <= t.bottomTwoTarget && t.bottomTwoTarget <= t.bottomTwoMax, {
        message: 'expected bottomTwoMin ≤ bottomTwoTarget ≤ bottomTwoMax',
      }),
  })
  .superRefine((settings, context) => {
    for (const name of Object.keys(settings.weights)) {
      if (!SIGNAL_FEATURE_NAMES.includes(name)) {
        context.addIssue({
          code: 'custom',
          path: ['weights', name],
          message: `unknown feature; expected one of ${SIGNAL_FEATURE_NAMES.join(', ')}`,
        });
      }
    }
    if (settings.properties.seats && !settings.properties.activeUsers) {
      context.addIssue({
        code: 'custom',
        path: ['properties', 'seats'],
        message: 'seats needs properties.activeUsers too (usage is active users ÷ seats)',
      });
    }
  });

export type RiskSettings = z.output<typeof riskSettingsSchema>;
export type RiskSettingsInput = z.input<typeof riskSettingsSchema>;

export class RiskSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid risk settings: ${problems.join('; ')}`);
    this.name = 'RiskSettingsError';
  }
}

/** Validates a portal's risk settings; the error names each bad setting by its path. */
export function parseRiskSettings(input: unknown = {}): RiskSettings {
  const result = riskSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new RiskSettingsError(
    result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(settings)'}: ${issue.message}`,
    ),
  );
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = parseRiskSettings({});
