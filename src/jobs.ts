import { z } from 'zod';

/**
 * The messages the backend's queues carry. Producers (webhooks, sweeps, the card API) and consumers
 * (gate-worker, risk-worker) share this one definition.
 */
export const GATE_CHECK_REASONS = [
  'deal.created',
  'deal.stage_changed',
  'handover.changed',
  'sweep',
  'card',
] as const;
export type GateCheckReason = (typeof GATE_CHECK_REASONS)[number];

export const gateCheckJobSchema = z.object({
  type: z.literal('gate.check'),
  portalId: z.number().int().positive(),
  dealId: z.string().regex(/^\d+$/, 'expected a HubSpot deal id'),
  reason: z.enum(GATE_CHECK_REASONS),
  /** The webhook event that triggered the check, for tracing; absent for sweeps and card requests. */
  eventId: z.number().int().optional(),
});

export const riskScoreJobSchema = z.object({
  type: z.literal('risk.score'),
  portalId: z.number().int().positive(),
  /** One batch read's worth of companies. */
  companyIds: z.array(z.string().regex(/^\d+$/)).min(1).max(100),
  /** Scoring date (ISO date); features use only data dated before it. Defaults to today. */
  asOf: z.iso.date().optional(),
});

export const jobSchema = z.discriminatedUnion('type', [gateCheckJobSchema, riskScoreJobSchema]);

export type GateCheckJob = z.infer<typeof gateCheckJobSchema>;
export type RiskScoreJob = z.infer<typeof riskScoreJobSchema>;
export type Job = z.infer<typeof jobSchema>;

/** Parses a queue message body; throws a ZodError naming the bad field. */
export function parseJob(body: string): Job {
  return jobSchema.parse(JSON.parse(body));
}
