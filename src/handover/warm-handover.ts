import type { CrmPort } from '#src/crm/port';
import { ownerName, resolveActor, type Actor } from './actor';
import { InvalidRequestError } from './errors';
import { readDeal } from './handover-deal';

/** Records the 15-minute AE→CSM walk-through and who the CSM is, with a note saying who recorded it. */
export async function recordWarmHandover(
  crm: Pick<CrmPort, 'readDeal' | 'updateDeal' | 'createNote' | 'ownerById' | 'ownerByUserId'>,
  dealId: string,
  csmOwnerId: string,
  at: string,
  actor: Actor,
): Promise<{ reviewedAt: string; csmOwnerId: string }> {
  const example = '"1234567" (an owner id from the CSM list)';
  if (!/^\d+$/.test(csmOwnerId))
    throw new InvalidRequestError('csmOwnerId', `"${csmOwnerId}" is not an owner id`, 'digits', example);
  if (Number.isNaN(Date.parse(at)))
    throw new InvalidRequestError(
      'reviewedAt',
      `"${at}" is not a date and time`,
      'an ISO datetime',
      '"2026-07-01T09:00:00Z"',
    );
  await readDeal(crm, dealId);
  const csm = await crm.ownerById(csmOwnerId);
  if (!csm)
    throw new InvalidRequestError(
      'csmOwnerId',
      `no HubSpot owner ${csmOwnerId}`,
      'the id of an active owner',
      example,
    );
  const user = await resolveActor(crm, actor);
  const reviewedAt = new Date(at).toISOString();
  await crm.createNote({
    dealId,
    body: `Warm handover to ${ownerName(csm)} recorded by ${user.name}.`,
    timestamp: reviewedAt,
  });
  await crm.updateDeal(dealId, { rg_handover_reviewed_at: reviewedAt, rg_csm_owner_id: csmOwnerId });
  return { reviewedAt, csmOwnerId };
}
