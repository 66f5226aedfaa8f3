/**
 * What the risk sync reads from the CRM for one company, as plain data. The sync (through the CRM
 * port) fills it; `computeSignals` turns it into signals. Timestamps are ISO 8601 strings or epoch
 * milliseconds, as HubSpot returns them.
 */
export type Timestamp = string | number;

/** One entry of a property's history (HubSpot `propertiesWithHistory`). */
export interface PropertyValue {
  value: string | null;
  timestamp: Timestamp;
}

export type EngagementType = 'email' | 'meeting' | 'call' | 'note' | 'ticket';

export interface Engagement {
  id: string;
  type: EngagementType;
  /** When it happened (email sent, meeting start, call, note, ticket created). */
  timestamp: Timestamp;
  /** Emails: `inbound`/`outbound`, or HubSpot's `hs_email_direction` (INCOMING_EMAIL, EMAIL, FORWARDED_EMAIL). */
  direction?: string | null;
  /** Meetings: HubSpot's `hs_meeting_outcome` (SCHEDULED, COMPLETED, RESCHEDULED, NO_SHOW, CANCELED). */
  outcome?: string | null;
  contactIds?: readonly string[];
  dealIds?: readonly string[];
  subject?: string | null;
  body?: string | null;
  /** Tickets: closed when `closedAt` is set (and not after the scoring date). */
  closedAt?: Timestamp | null;
}

export interface Champion {
  contactId: string;
  /** History of the "left the company" flag (e.g. a checkbox); its timestamp dates the departure. */
  leftCompanyHistory?: readonly PropertyValue[];
  jobtitleHistory?: readonly PropertyValue[];
}

/** A contact of the company, to notice a new decision maker. */
export interface CompanyContact {
  id: string;
  createdAt: Timestamp;
  jobtitle?: string | null;
}

export interface CompanyActivity {
  companyId: string;
  /** Current values of the properties the settings name (see `riskPropertiesToRead`). */
  properties: Readonly<Record<string, string | null | undefined>>;
  /** Histories of the properties whose trend or past value matters. */
  propertyHistory?: Readonly<Record<string, readonly PropertyValue[]>>;
  engagements: readonly Engagement[];
  champion?: Champion | null;
  contacts?: readonly CompanyContact[];
  /** Deals whose engagements are left out: they follow from renewing rather than predict it. */
  renewalDealIds?: readonly string[];
}

export function toMillis(timestamp: Timestamp): number {
  if (typeof timestamp === 'number') return timestamp;
  // HubSpot returns epoch milliseconds as strings for some legacy date values.
  return /^\d+$/.test(timestamp) ? Number(timestamp) : Date.parse(timestamp);
}
