import type { SeedRecord } from '../records';
import type { AccountContext } from './context';
import { isoDateTime } from './time';

/** One logged activity: an email, meeting, call or note, and who and what it concerns. */
export interface Touch {
  objectType: 'emails' | 'meetings' | 'calls' | 'notes';
  at: number;
  ownerId: string;
  properties: Record<string, string>;
  contactId?: string;
  /** A renewal deal the activity was logged against. */
  dealId?: string;
  /** Defaults to `at`; a scheduled meeting was booked before it happens. */
  createdAt?: number;
}

/** The engagement, then its associations: company always, contact and deal when it has them. */
export function* touchRecords(ctx: AccountContext, touch: Touch): Generator<SeedRecord> {
  const id = ctx.ids.take(touch.objectType);
  const from = { fromObjectType: touch.objectType, fromId: id };
  yield {
    kind: 'object',
    object: {
      objectType: touch.objectType,
      id,
      createdAt: touch.createdAt ?? touch.at,
      properties: {
        hs_timestamp: isoDateTime(touch.at),
        hubspot_owner_id: touch.ownerId,
        ...touch.properties,
      },
    },
  };
  yield { kind: 'association', association: { ...from, toObjectType: 'companies', toId: ctx.companyId } };
  if (touch.contactId !== undefined) {
    yield { kind: 'association', association: { ...from, toObjectType: 'contacts', toId: touch.contactId } };
  }
  if (touch.dealId !== undefined) {
    yield { kind: 'association', association: { ...from, toObjectType: 'deals', toId: touch.dealId } };
  }
}
