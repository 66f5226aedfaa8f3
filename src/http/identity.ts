import { z } from 'zod';

/** Who is calling: HubSpot appends these to every hubspot.fetch URL, covered by its signature. */
export interface Identity {
  portalId: number;
  userId: number;
  userEmail?: string;
}

const identitySchema = z.object({
  portalId: z.string().regex(/^\d+$/, 'expected a numeric portalId').transform(Number),
  userId: z.string().regex(/^\d+$/, 'expected a numeric userId').transform(Number),
  userEmail: z.string().min(1).optional(),
});

/** Only call this on a URL whose signature has verified: unsigned query parameters are anyone's. */
export function identityFromSignedUrl(url: URL): Identity | { problem: string } {
  const parsed = identitySchema.safeParse({
    portalId: url.searchParams.get('portalId') ?? undefined,
    userId: url.searchParams.get('userId') ?? undefined,
    userEmail: url.searchParams.get('userEmail') ?? undefined,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { problem: `${String(issue?.path[0] ?? 'query')}: ${issue?.message ?? 'invalid'}` };
}
