import type { SeedRecord } from '../records';
import type { AccountPlan } from './account';
import { activityRecords } from './activity';
import { companyObject } from './company';
import { contactDrafts } from './contacts';
import type { AccountContext } from './context';
import type { ObjectIds } from './ids';
import type { Random } from './random';
import { renewalActivityRecords } from './renewal-activity';
import { renewalDeals } from './renewal-deals';
import { salesDealRecords } from './sales-deals';
import { ticketRecords } from './tickets';

/**
 * One customer, in dependency order: the company, its people, its deals, then everything that
 * happened with it. Associations follow right after the record that completes them.
 */
export function* accountRecords(
  index: number,
  seedNumber: number,
  plan: AccountPlan,
  env: { now: number; installedAt: number; ids: ObjectIds; random: Random },
): Generator<SeedRecord> {
  const { ids, random } = env;
  const companyId = ids.take('companies');
  const company = companyObject(companyId, index, seedNumber, plan, random);
  yield { kind: 'object', object: company };

  const domain = company.properties.domain ?? `${companyId}.example`;
  const drafts = contactDrafts(plan, domain, () => ids.take('contacts'), random);
  for (const { object } of drafts) {
    yield { kind: 'object', object };
    yield {
      kind: 'association',
      association: {
        fromObjectType: 'contacts',
        fromId: object.id,
        toObjectType: 'companies',
        toId: companyId,
      },
    };
  }

  const ctx: AccountContext = {
    ...env,
    plan,
    companyId,
    companyName: company.properties.name ?? companyId,
    people: drafts.map((d) => d.person),
  };
  yield* salesDealRecords(ctx);
  const renewals = renewalDeals(ctx);
  yield* renewals.records;
  yield* activityRecords(ctx, renewals.refs);
  yield* renewalActivityRecords(ctx, renewals.refs);
  yield* ticketRecords(ctx, renewals.refs);
}
