/** What `GET /__sandbox/requests` returns: served requests per endpoint template and token. */
interface RequestCounts {
  total: number;
  tooManyRequests: number;
  endpoints: Record<string, { count: number; byToken: Record<string, number> }>;
}

export interface CallCount {
  /** Requests made with the token, refused ones included. */
  calls: number;
  searches: number;
  /** 429 answers to any token (the sandbox does not split them by token). */
  tooManyRequests: number;
  byEndpoint: Record<string, number>;
}

/** The calls one token made since the last reset, so the bench's own setup calls are not counted. */
export async function callsBy(sandboxUrl: string, token: string): Promise<CallCount> {
  const response = await fetch(`${sandboxUrl}/__sandbox/requests`);
  if (!response.ok) throw new Error(`GET /__sandbox/requests answered ${response.status}`);
  const counts = (await response.json()) as RequestCounts;
  const byEndpoint: Record<string, number> = {};
  let calls = 0;
  let searches = 0;
  for (const [endpoint, entry] of Object.entries(counts.endpoints)) {
    const mine = entry.byToken[token] ?? 0;
    if (mine === 0) continue;
    byEndpoint[endpoint] = mine;
    calls += mine;
    if (endpoint.endsWith('/search')) searches += mine;
  }
  return { calls, searches, tooManyRequests: counts.tooManyRequests, byEndpoint };
}

export async function resetCounts(sandboxUrl: string): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/requests`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /__sandbox/requests answered ${response.status}`);
}
