import type { FastifyRequest } from 'fastify';
import type { ChangeActor } from '../events.ts';
import type { SandboxState } from '../state.ts';
import { actorForToken } from '../tokens.ts';
import { HubSpotError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, from the bearer token; set for every HubSpot API route. */
    actor: ChangeActor;
    token: string;
  }
}

/** Resolves the bearer token to its actor, or refuses the request with HubSpot's 401. */
export function authenticate(request: FastifyRequest, state: SandboxState): void {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new HubSpotError(
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    );
  }
  const token = match[1];
  const actor = actorForToken(token, (ownerId) => state.portal.owners.get(ownerId)?.userId);
  if (!actor) {
    throw new HubSpotError(
      401,
      'INVALID_AUTHENTICATION',
      `The OAuth token used to make this call is not valid for portal ${state.portalId}: unknown token ${token.slice(0, 24)}.`,
    );
  }
  request.actor = actor;
  request.token = token;
}
