import type { CollectionResponsePublicOwnerForwardPaging } from '@hubspot/api-client/lib/codegen/crm/owners/models/CollectionResponsePublicOwnerForwardPaging';
import type { PublicOwner } from '@hubspot/api-client/lib/codegen/crm/owners/models/PublicOwner';
import type { FastifyInstance } from 'fastify';
import { notFound, validationError } from '../http/errors.ts';
import { queryLimit, queryString } from '../http/input.ts';
import type { SandboxState } from '../state.ts';
import type { Portal, StoredOwner } from '../store/portal.ts';

/** Owners API v3: the portal's users, with their teams. */
export function registerOwnerRoutes(app: FastifyInstance, state: SandboxState): void {
  app.get('/crm/v3/owners', async (request) => {
    const limit = queryLimit(request.query, 100, 500);
    const email = queryString(request.query, 'email')?.toLowerCase();
    const after = Number(queryString(request.query, 'after') ?? 0);
    if (!Number.isInteger(after) || after < 0)
      throw validationError('Invalid input: after must be a paging cursor.');
    const owners = [...state.portal.owners.values()].filter(
      (owner) => !email || owner.email.toLowerCase() === email,
    );
    const page = owners.slice(after, after + limit);
    const body: CollectionResponsePublicOwnerForwardPaging = {
      results: page.map((o) => ownerOnTheWire(state.portal, o)),
    };
    if (after + limit < owners.length) body.paging = { next: { after: String(after + limit) } };
    return body;
  });

  app.get<{ Params: { ownerId: string } }>('/crm/v3/owners/:ownerId', async (request) => {
    const byUserId = queryString(request.query, 'idProperty') === 'userId';
    const owner = byUserId
      ? state.portal.ownerByUserId(Number(request.params.ownerId))
      : state.portal.owners.get(request.params.ownerId);
    if (!owner) throw notFound();
    return ownerOnTheWire(state.portal, owner);
  });
}

function ownerOnTheWire(portal: Portal, owner: StoredOwner): PublicOwner {
  return {
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    type: 'PERSON' as PublicOwner['type'],
    teams: owner.teams.map((team) => ({
      id: team.id,
      name: portal.teams.get(team.id)?.name ?? team.id,
      primary: team.primary,
    })),
    createdAt: new Date(owner.createdAt),
    updatedAt: new Date(owner.updatedAt),
    archived: false,
  };
}
