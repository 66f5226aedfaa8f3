import { APP_TOKEN, UI_TOKEN_PREFIX } from '#sandbox/tokens';

/** A demo deal to walk through the gate with (README, "Walk through the gate"), as `npm start` prints it. */
export interface WalkthroughDeal {
  dealId: string;
  dealName: string;
  ownerId: string;
  userId: number;
  /** A contact on the deal with an email address, to name as champion when completing the handover. */
  contactId: string;
}

interface SearchPage {
  results: { id: string; properties: Record<string, string | null> }[];
}

/**
 * The first open new-business deal of the default pipeline in Contract Sent whose handover names no
 * champion (so the gate blocks it) and that has an owner with a user and a contact. Found at start,
 * not written down: the demo portal is seeded as of today, so which deal fits changes with the date.
 */
export async function findWalkthroughDeal(sandboxUrl: string): Promise<WalkthroughDeal | null> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T | null> => {
    const response = await fetch(`${sandboxUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${APP_TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.ok ? ((await response.json()) as T) : null;
  };
  const page = await call<SearchPage>('POST', '/crm/v3/objects/deals/search', {
    filterGroups: [
      {
        filters: [
          { propertyName: 'pipeline', operator: 'EQ', value: 'default' },
          { propertyName: 'dealstage', operator: 'EQ', value: 'contractsent' },
          { propertyName: 'dealtype', operator: 'EQ', value: 'newbusiness' },
          { propertyName: 'hubspot_owner_id', operator: 'HAS_PROPERTY' },
          { propertyName: 'rg_champion_contact_id', operator: 'NOT_HAS_PROPERTY' },
        ],
      },
    ],
    sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
    properties: ['dealname', 'hubspot_owner_id'],
    limit: 20,
  });
  for (const deal of page?.results ?? []) {
    const ownerId = deal.properties.hubspot_owner_id ?? '';
    const [owner, contacts] = await Promise.all([
      call<{ userId?: number }>('GET', `/crm/v3/owners/${ownerId}`),
      call<{ results: { toObjectId: number }[] }>(
        'GET',
        `/crm/v4/objects/deals/${deal.id}/associations/contacts`,
      ),
    ]);
    // The champion must be a contact of the deal with an email address (the handover's rule).
    let contactId: string | undefined;
    for (const { toObjectId } of contacts?.results ?? []) {
      const contact = await call<{ properties: { email?: string | null } }>(
        'GET',
        `/crm/v3/objects/contacts/${toObjectId}?properties=email`,
      );
      if (contact?.properties.email) {
        contactId = String(toObjectId);
        break;
      }
    }
    if (!owner?.userId || contactId === undefined) continue;
    return {
      dealId: deal.id,
      dealName: deal.properties.dealname ?? '(no name)',
      ownerId,
      userId: owner.userId,
      contactId,
    };
  }
  return null;
}

/** The walkthrough's commands with the deal's ids filled in. */
export function walkthroughText(
  sandboxUrl: string,
  deal: WalkthroughDeal | null,
  now: Date = new Date(),
): string {
  if (!deal)
    return `Try the gate: move an open deal to a won stage as its owner, e.g.
  curl -X PATCH ${sandboxUrl}/crm/v3/objects/deals/<id> -H 'authorization: Bearer ${UI_TOKEN_PREFIX}<ownerId>' \\
       -H 'content-type: application/json' -d '{"properties":{"dealstage":"closedwon"}}'
and watch the gate answer.`;
  return `Try the gate (README, "Walk through the gate") with deal ${deal.dealId} ("${deal.dealName}"), in Contract Sent,
owner ${deal.ownerId} (user ${deal.userId}), contact ${deal.contactId} on the deal:
  1. curl -X PATCH ${sandboxUrl}/crm/v3/objects/deals/${deal.dealId} -H 'authorization: Bearer ${UI_TOKEN_PREFIX}${deal.ownerId}' \\
          -H 'content-type: application/json' -d '{"properties":{"dealstage":"closedwon"}}'
  2. curl -s '${sandboxUrl}/crm/v3/objects/deals/${deal.dealId}?properties=dealstage,rg_gate_status,rg_handover_missing&associations=notes,tasks' \\
          -H 'authorization: Bearer ${APP_TOKEN}'
  3. npm run card -- GET /deals/${deal.dealId}/handover --user ${deal.userId}
     npm run card -- PUT /deals/${deal.dealId}/handover --user ${deal.userId} --body '{
       "rg_desired_outcome": "Cut quote turnaround from a week to one day so sales can answer EU requests while they are hot",
       "rg_success_criteria": "Quote turnaround under 24 hours for 95% of requests",
       "rg_champion_contact_id": "${deal.contactId}",
       "rg_first_value_date": "${firstValueDate(now)}",
       "rg_commitments": "Price held for two years if they expand to the EU entity"}'
  4. repeat 1, then 2: the deal stays in Closed Won, rg_gate_status=clear`;
}

/** Two months from today: inside the handover's window from close to first value. */
function firstValueDate(now: Date): string {
  return new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
}
