import { z } from 'zod';

/** HubSpot sends at most 100 events per request. */
export const MAX_EVENTS_PER_REQUEST = 100;

/**
 * One webhook event as HubSpot posts it. Only the fields we route on are required; the rest are
 * kept (loose) so nothing HubSpot adds later breaks validation.
 */
export const hubSpotEventSchema = z.looseObject({
  eventId: z.number().int(),
  subscriptionId: z.number().int().optional(),
  portalId: z.number().int().positive(),
  appId: z.number().int().optional(),
  occurredAt: z.number().int(),
  /** `object.propertyChange`, `object.creation`, … or legacy `deal.propertyChange`, `deal.creation`, … */
  subscriptionType: z.string().min(1),
  attemptNumber: z.number().int().optional(),
  objectId: z.number().int().positive(),
  /** `0-3` for deals; absent on legacy `deal.*` subscriptions. */
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
  isSensitive: z.boolean().optional(),
});

export const hubSpotEventBatchSchema = z.array(hubSpotEventSchema).min(1).max(MAX_EVENTS_PER_REQUEST);

export type HubSpotEvent = z.infer<typeof hubSpotEventSchema>;

export interface BatchProblem {
  /** Position of the event in the batch; absent when the batch itself is wrong. */
  index?: number;
  field?: string;
  message: string;
}

export type BatchParseResult = { ok: true; events: HubSpotEvent[] } | { ok: false; problems: BatchProblem[] };

/** Parses a raw request body into events, or says which event and field are wrong. */
export function parseHubSpotEventBatch(rawBody: string): BatchParseResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, problems: [{ message: 'body is not JSON: expected an array of webhook events' }] };
  }
  const parsed = hubSpotEventBatchSchema.safeParse(json);
  if (parsed.success) return { ok: true, events: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const [index, ...field] = issue.path;
      return typeof index === 'number'
        ? {
            index,
            field: field.join('.') || undefined,
            message: `events[${index}]${field.map((f) => `.${String(f)}`).join('')}: ${issue.message}`,
          }
        : { message: `batch: ${issue.message}` };
    }),
  };
}
