/** Requests served per endpoint template and token, for tests that assert how an adapter calls HubSpot. */
export interface RequestCounts {
  total: number;
  tooManyRequests: number;
  endpoints: Record<string, { count: number; byToken: Record<string, number> }>;
}

export class RequestCounter {
  private counts: RequestCounts = { total: 0, tooManyRequests: 0, endpoints: {} };

  record(endpoint: string, token: string, statusCode: number): void {
    this.counts.total++;
    if (statusCode === 429) this.counts.tooManyRequests++;
    const entry = (this.counts.endpoints[endpoint] ??= { count: 0, byToken: {} });
    entry.count++;
    entry.byToken[token] = (entry.byToken[token] ?? 0) + 1;
  }

  snapshot(): RequestCounts {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = { total: 0, tooManyRequests: 0, endpoints: {} };
  }
}
