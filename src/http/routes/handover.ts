import { z } from 'zod';
import type { CrmPort } from '#src/crm/port';
import type { Owner } from '#src/crm/records';
import type { Actor } from '#src/handover/actor';
import type { SaveHandoverRejection } from '#src/handover/card-contract';
import type { HandoverFinding } from '#src/handover/findings';
import type { HandoverProperty } from '#src/handover/fields';
import type { ViolationClaims } from '#src/handover/enforce-gate-batch';
import type { GateSettings } from '#src/handover/gate-settings';
import { handoverView } from '#src/handover/handover-view';
import { overrideGate } from '#src/handover/override-gate';
import { saveHandover } from '#src/handover/save-handover';
import { HandoverInputError } from '#src/handover/schema';
import { recordWarmHandover } from '#src/handover/warm-handover';
import { CardReply, type CardRequest, type CardRoute } from '#src/http/card-api';
import { PermissionDeniedError } from '#src/http/errors';
import type { Identity } from '#src/http/identity';

export interface HandoverRouteDeps {
  crm: CrmPort;
  /** The portal's gate settings, defaults filled in. */
  gateSettings(portalId: number): Promise<GateSettings>;
  /** Claims on the portal's gate violations, shared with the gate worker. */
  violationClaims(portalId: number): ViolationClaims;
  /** ISO datetime; the server's clock decides every recorded time, never the card's. */
  now(): string;
}

const dealIdOf = ({ params }: CardRequest) =>
  z.string().regex(/^\d+$/, 'expected a deal id (digits)').parse(params.dealId);

const reviewBody = z.object({ csmOwnerId: z.string({ error: 'expected the CSM owner id as a string' }) });
const overrideBody = z.object({ reason: z.string({ error: 'expected the override reason as text' }) });

const actorOf = ({ userId, portalId }: Identity): Actor => ({ userId, portalId });

/** The card API's handover routes (src/handover/card-contract.ts); every write needs a portal user. */
export function handoverRoutes(deps: HandoverRouteDeps): CardRoute[] {
  const { crm } = deps;

  /** A signed request proves who the user is; an owner record proves they work in this portal's CRM. */
  async function requirePortalUser(identity: Identity): Promise<Owner> {
    const owner = await crm.ownerByUserId(identity.userId);
    if (!owner)
      throw new PermissionDeniedError(
        'crm.deals.write',
        `User ${identity.userId} is not a user (owner) of HubSpot portal ${identity.portalId}, so may not change deals here.`,
      );
    return owner;
  }

  const view = async (request: CardRequest, dealId: string) =>
    handoverView(
      crm,
      await deps.gateSettings(request.identity.portalId),
      dealId,
      actorOf(request.identity),
      deps.now(),
    );

  return [
    {
      method: 'GET',
      path: '/deals/:dealId/handover',
      handle: async (request) => view(request, dealIdOf(request)),
    },
    {
      method: 'PUT',
      path: '/deals/:dealId/handover',
      handle: async (request) => {
        const dealId = dealIdOf(request);
        await requirePortalUser(request.identity);
        const settings = await deps.gateSettings(request.identity.portalId);
        try {
          const claims = deps.violationClaims(request.identity.portalId);
          await saveHandover(crm, settings, claims, dealId, request.body, deps.now());
        } catch (error) {
          if (error instanceof HandoverInputError) return new CardReply(400, rejection(error));
          throw error;
        }
        return view(request, dealId);
      },
    },
    {
      method: 'POST',
      path: '/deals/:dealId/handover/review',
      handle: async (request) => {
        const dealId = dealIdOf(request);
        const { csmOwnerId } = reviewBody.parse(request.body);
        await requirePortalUser(request.identity);
        return recordWarmHandover(crm, dealId, csmOwnerId, deps.now(), actorOf(request.identity));
      },
    },
    {
      method: 'POST',
      path: '/deals/:dealId/gate/override',
      handle: async (request) => {
        const dealId = dealIdOf(request);
        const { reason } = overrideBody.parse(request.body);
        await requirePortalUser(request.identity);
        const settings = await deps.gateSettings(request.identity.portalId);
        // Refuses anyone outside RevOps (403) before judging the reason (400).
        return overrideGate(crm, settings, dealId, reason, actorOf(request.identity), deps.now());
      },
    },
  ];
}

/** The 400 of a save whose structure is wrong: one finding per bad field, as the card shows them. */
function rejection(error: HandoverInputError): SaveHandoverRejection {
  const findings: HandoverFinding[] = error.problems.map(
    ({ property, label, problem, expected, example }) => ({
      // An unknown key is reported under its own name so the message still says which one.
      property: property as HandoverProperty,
      label,
      ok: false,
      problem,
      expected,
      example,
    }),
  );
  return { message: error.message, findings };
}
