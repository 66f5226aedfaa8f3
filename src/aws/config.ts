import { z } from 'zod';

/**
 * Every environment variable the backend reads, parsed once. Each Lambda asks only for the variables
 * it needs (`readConfig([...])`), so a worker does not fail for want of the webhook's settings.
 *
 * The AWS SDK itself honours `AWS_ENDPOINT_URL_DYNAMODB` and `AWS_ENDPOINT_URL_SQS` (service-specific
 * endpoints), which is how the local runtime points the unchanged clients at dynalite and
 * local-aws-sqs; they are listed here only so a typo fails loudly.
 */
const configSchema = z.object({
  HUBSPOT_BASE_URL: z.url().default('https://api.hubapi.com'),
  /** A private app's access token (production: from Secrets Manager, injected at deploy). */
  HUBSPOT_ACCESS_TOKEN: z.string().min(1),
  /** The app's client secret: the key of HubSpot's v3 request signatures. */
  HUBSPOT_CLIENT_SECRET: z.string().min(1),
  /** Our app's id: webhook events whose `sourceId` is this id were caused by our own writes. */
  HUBSPOT_APP_ID: z.string().regex(/^\d+$/, 'expected the numeric HubSpot app id'),
  /** The portal (hub id) the access token belongs to: scheduled sweeps tag their jobs with it. */
  HUBSPOT_PORTAL_ID: z.coerce.number().int().positive(),
  /**
   * The gate worker's share of the portal's rolling 10-s limit, per instance. 180 of 190: gate work
   * comes in bursts (an import closes thousands of deals at once) and should clear at the limit
   * (bench/RESULTS.md, Gate); the card API's calls are few, a person's clicks; risk traffic or a
   * second instance overlapping a burst meets 429s, which the adapter backs off and retries.
   */
  GATE_WORKER_REQUESTS_PER_10S: z.coerce.number().int().positive().default(180),
  IDEMPOTENCY_TABLE_NAME: z.string().min(3),
  SETTINGS_TABLE_NAME: z.string().min(3),
  SYNC_CURSORS_TABLE_NAME: z.string().min(3),
  GATE_QUEUE_URL: z.url(),
  RISK_QUEUE_URL: z.url(),
  /** Scheme + host (+ path prefix) HubSpot calls the webhook at, when it differs from the Function URL. */
  WEBHOOK_PUBLIC_URL: z.url().optional(),
  /** Same for the card API (e.g. a custom domain, or `http://127.0.0.1:4020/api` locally). */
  CARD_API_PUBLIC_URL: z.url().optional(),
  /** The portal's limit per rolling 10 s: 190 on Professional and Enterprise, 100 on Starter, 250 with the pack. */
  HUBSPOT_RATE_LIMIT_PER_10S: z.coerce.number().int().positive().default(190),
  /** Risk-worker invocations at once (AWS: the event source mapping's MaximumConcurrency, at least 2). */
  RISK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(2),
  /** What all risk workers together may spend of the portal limit; the rest is for gates, cards and the scheduler. */
  RISK_WORKERS_REQUESTS_PER_10S: z.coerce.number().int().positive().default(150),
  /** The risk scheduler's own share while it lists companies. */
  RISK_SCHEDULER_REQUESTS_PER_10S: z.coerce.number().int().positive().default(20),
  AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  AWS_ENDPOINT_URL_SQS: z.url().optional(),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof Config;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the named variables. Errors name the variable and what was expected, never the value
 * (several of these are secrets).
 */
export function readConfig<K extends ConfigKey>(
  keys: readonly K[],
  env: Record<string, string | undefined> = process.env,
): Pick<Config, K> {
  const values: Partial<Record<ConfigKey, unknown>> = {};
  const problems: string[] = [];
  for (const key of keys) {
    const raw = env[key] === '' ? undefined : env[key];
    const parsed = configSchema.shape[key].safeParse(raw);
    if (parsed.success) values[key] = parsed.data;
    else
      problems.push(raw === undefined ? `${key} is required` : `${key}: ${parsed.error.issues[0]?.message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as Pick<Config, K>;
}
