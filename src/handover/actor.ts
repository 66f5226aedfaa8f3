import type { OwnersPort } from '#src/crm/port';
import type { Owner } from '#src/crm/records';

/** The HubSpot user behind a signed card request. */
export interface Actor {
  userId: number;
  portalId: number;
}

export interface ResolvedActor extends Actor {
  owner: Owner | null;
  /** How notes name the user: "Rae Kim (rae@example.com)". */
  name: string;
}

export async function resolveActor(
  crm: Pick<OwnersPort, 'ownerByUserId'>,
  actor: Actor,
): Promise<ResolvedActor> {
  const owner = await crm.ownerByUserId(actor.userId);
  return { ...actor, owner, name: owner ? ownerName(owner) : `user ${actor.userId}` };
}

export function ownerName(owner: Owner): string {
  const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ');
  if (name && owner.email) return `${name} (${owner.email})`;
  return name || owner.email || `owner ${owner.id}`;
}
