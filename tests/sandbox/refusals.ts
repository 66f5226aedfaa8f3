/** What the api-client throws for a non-2xx answer: status, HubSpot's error body and headers. */
export interface Refusal {
  code: number;
  body: {
    status?: string;
    message: string;
    category?: string;
    policyName?: string;
    errorType?: string;
    correlationId?: string;
  };
  headers: Record<string, string>;
}

/** Runs a client call that must be refused and returns the refusal. */
export async function refusal(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('expected HubSpot to refuse the request');
}
