import type {
  CompanyRiskRecord,
  RenewalDealRule,
  RiskContact,
  RiskDeal,
  RiskPage,
  RiskReadRequest,
} from '#src/crm/risk-port';
import type { Engagement, EngagementType } from '#src/risk/signals/activity';
import type { HubSpotObject, RiskApis } from './risk-apis';
import { historyOf, orNull, readAssociations, readObjects, type CountingCaller } from './risk-calls';

/** Each engagement object and only the properties the signals read (DESIGN.md §4). */
const ENGAGEMENT_TYPES: readonly { objectType: string; type: EngagementType; properties: string[] }[] = [
  {
    objectType: 'emails',
    type: 'email',
    properties: ['hs_timestamp', 'hs_email_direction', 'hs_email_subject'],
  },
  { objectType: 'meetings', type: 'meeting', properties: ['hs_timestamp', 'hs_meeting_outcome'] },
  { objectType: 'calls', type: 'call', properties: ['hs_timestamp', 'hs_call_direction'] },
  { objectType: 'notes', type: 'note', properties: ['hs_timestamp', 'hs_note_body'] },
  { objectType: 'tickets', type: 'ticket', properties: ['createdate', 'closed_date', 'subject', 'content'] },
];
/** Engagements that show a person engaging; notes and tickets name no one who engaged. */
const PERSON_ENGAGEMENTS = ['emails', 'meetings', 'calls'];
const DEAL_PROPERTIES = ['pipeline', 'dealstage', 'dealtype', 'createdate', 'closedate', 'amount'];

/**
 * One page of ≤ 100 companies in a fixed number of batch calls, whatever the page holds:
 * the companies; their associations by type (1,000 ids a call); the deals; then, together, the
 * engagements (100 a call, only the signals' properties), the contacts with the champion's
 * histories, and who took part in what — read from the contacts' and renewal deals' side,
 * which are far fewer than the engagements.
 */
export async function readRiskPage(
  api: RiskApis,
  caller: CountingCaller,
  request: RiskReadRequest,
): Promise<RiskPage> {
  const companies = await readObjects(
    api,
    caller,
    'companies',
    request.companyIds,
    request.properties,
    request.withHistory,
  );
  const skipped = request.companyIds
    .filter((id) => !companies.has(id))
    .map((companyId) => ({ companyId, reason: 'deleted or merged since it was listed' }));
  const ids = [...companies.keys()];
  if (ids.length === 0) return { records: [], skipped };

  const linkTypes = ['contacts', 'deals', ...ENGAGEMENT_TYPES.map((t) => t.objectType)];
  const links = new Map(
    await Promise.all(
      linkTypes.map(async (to) => [to, await readAssociations(api, caller, 'companies', to, ids)] as const),
    ),
  );
  const idsOf = (to: string) => [...new Set([...(links.get(to)?.values() ?? [])].flatMap((s) => [...s]))];

  const dealObjects = await readObjects(api, caller, 'deals', idsOf('deals'), [
    ...DEAL_PROPERTIES,
    request.championProperty,
  ]);
  const deals = new Map(
    [...dealObjects.values()].map((d) => [d.id, toDeal(d, request.championProperty, request.renewalDeals)]),
  );
  const renewalDealIds = [...deals.values()].filter((d) => d.isRenewal).map((d) => d.id);
  const contactIds = idsOf('contacts');
  const leftCompany = request.leftCompanyProperty;
  const contactHistory = ['jobtitle', ...(leftCompany ? [leftCompany] : [])];

  const [engagementObjects, contactObjects, byContact, byRenewalDeal] = await Promise.all([
    Promise.all(
      ENGAGEMENT_TYPES.map((t) => readObjects(api, caller, t.objectType, idsOf(t.objectType), t.properties)),
    ),
    readObjects(api, caller, 'contacts', contactIds, ['createdate', ...contactHistory], contactHistory),
    Promise.all(
      PERSON_ENGAGEMENTS.map((to) =>
        idsOf(to).length > 0 ? readAssociations(api, caller, 'contacts', to, contactIds) : new Map(),
      ),
    ),
    Promise.all(
      ENGAGEMENT_TYPES.map((t) =>
        idsOf(t.objectType).length > 0 && renewalDealIds.length > 0
          ? readAssociations(api, caller, 'deals', t.objectType, renewalDealIds)
          : new Map<string, Set<string>>(),
      ),
    ),
  ]);

  const contactsOf = invert(byContact, PERSON_ENGAGEMENTS);
  const dealsOf = invert(
    byRenewalDeal,
    ENGAGEMENT_TYPES.map((t) => t.objectType),
  );
  const engagementById = new Map<string, Engagement>();
  ENGAGEMENT_TYPES.forEach((t, i) => {
    for (const object of engagementObjects[i]!.values()) {
      const key = `${t.objectType}:${object.id}`;
      engagementById.set(key, toEngagement(t.type, object, contactsOf.get(key), dealsOf.get(key)));
    }
  });
  const contacts = new Map(
    [...contactObjects.values()].map((c) => [c.id, toContact(c, leftCompany)] as const),
  );

  const records: CompanyRiskRecord[] = ids.map((id) => {
    const company = companies.get(id)!;
    const linked = (to: string) => [...(links.get(to)?.get(id) ?? [])];
    return {
      id,
      properties: { ...company.properties },
      propertyHistory: Object.fromEntries(request.withHistory.map((p) => [p, historyOf(company, p)])),
      engagements: ENGAGEMENT_TYPES.flatMap((t) =>
        linked(t.objectType).flatMap((eid) => engagementById.get(`${t.objectType}:${eid}`) ?? []),
      ),
      contacts: linked('contacts').flatMap((cid) => contacts.get(cid) ?? []),
      deals: linked('deals').flatMap((did) => deals.get(did) ?? []),
    };
  });
  return { records, skipped };
}

/** `type:engagementId` → the ids (contacts or deals) it is associated with, from the other side's maps. */
function invert(maps: readonly Map<string, Set<string>>[], types: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  maps.forEach((map, i) => {
    for (const [from, tos] of map) {
      for (const to of tos) {
        const key = `${types[i]}:${to}`;
        const list = out.get(key) ?? [];
        list.push(from);
        out.set(key, list);
      }
    }
  });
  return out;
}

function toEngagement(
  type: EngagementType,
  object: HubSpotObject,
  contactIds: string[] | undefined,
  dealIds: string[] | undefined,
): Engagement {
  const p = object.properties;
  const base = { id: object.id, type, contactIds: contactIds ?? [], dealIds: dealIds ?? [] };
  switch (type) {
    case 'email':
      return {
        ...base,
        timestamp: p.hs_timestamp ?? '',
        direction: orNull(p.hs_email_direction),
        subject: orNull(p.hs_email_subject),
      };
    case 'meeting':
      return { ...base, timestamp: p.hs_timestamp ?? '', outcome: orNull(p.hs_meeting_outcome) };
    case 'call':
      return { ...base, timestamp: p.hs_timestamp ?? '', direction: orNull(p.hs_call_direction) };
    case 'note':
      return { ...base, timestamp: p.hs_timestamp ?? '', body: orNull(p.hs_note_body) };
    case 'ticket':
      return {
        ...base,
        timestamp: p.createdate ?? object.createdAt.toISOString(),
        closedAt: orNull(p.closed_date),
        subject: orNull(p.subject),
        body: orNull(p.content),
      };
  }
}

function toContact(object: HubSpotObject, leftCompany: string | undefined): RiskContact {
  return {
    id: object.id,
    createdAt: object.properties.createdate ?? object.createdAt.toISOString(),
    jobtitle: orNull(object.properties.jobtitle),
    jobtitleHistory: historyOf(object, 'jobtitle'),
    leftCompanyHistory: leftCompany ? historyOf(object, leftCompany) : [],
  };
}

function toDeal(object: HubSpotObject, championProperty: string, rule: RenewalDealRule): RiskDeal {
  const p = object.properties;
  const amount = p.amount ? Number(p.amount) : Number.NaN;
  const pipeline = orNull(p.pipeline);
  const dealtype = orNull(p.dealtype);
  return {
    id: object.id,
    pipeline,
    dealstage: orNull(p.dealstage),
    dealtype,
    createdAt: p.createdate ?? object.createdAt.toISOString(),
    closedAt: orNull(p.closedate),
    amount: Number.isFinite(amount) ? amount : null,
    championContactId: orNull(p[championProperty]),
    isRenewal:
      (pipeline !== null && rule.pipelineIds.includes(pipeline)) ||
      (dealtype !== null && rule.dealTypes.includes(dealtype)),
  };
}
