import type { Engagement, PropertyValue } from '#src/risk/signals/activity';
import type { PipelinesPort } from './port';
import type { Properties } from './records';

/**
 * What the renewal-risk sync needs from the CRM: companies streamed in pages, each page read
 * with its engagements, contacts and deals in a few batch calls, and the writes of the outputs
 * and review tasks. Failures throw `CrmError`; a company that vanished is reported, not thrown.
 */

export interface CompanyPageQuery {
  /** Companies with a larger id than this (paging by id passes the search API's 10,000 cap). */
  afterId?: string;
  /** At most 200 (the search API's page size). */
  limit?: number;
  /** The property holding the renewal date: only companies that have one are listed. */
  renewalDateProperty: string;
  /** Only companies modified after this ISO datetime (delta syncs). */
  modifiedAfter?: string;
}

export interface CompanyIdPage {
  companyIds: string[];
  /** How many match in all (the search API's total), for progress. */
  total: number;
  /** Pass as `afterId` for the next page; null when this was the last. */
  nextAfterId: string | null;
}

/** Which deals are renewals: their engagements are left out of the signals, their outcomes train the model. */
export interface RenewalDealRule {
  /** HubSpot `dealtype` values of renewal deals (HubSpot's own: `existingbusiness`). */
  dealTypes: readonly string[];
  /** Pipelines that hold only renewals; any deal in one is a renewal. */
  pipelineIds: readonly string[];
}

export interface RiskReadRequest {
  /** At most 100: one batch read each. */
  companyIds: readonly string[];
  /** Current values to read (inputs, the outputs to compare against, `hubspot_owner_id`). */
  properties: readonly string[];
  /** Inputs whose history the signals need (trends, values as they stood at a past scoring date). */
  withHistory: readonly string[];
  /** Contact property that says the person left the customer (a checkbox); absent → not read. */
  leftCompanyProperty?: string;
  /** Deal property holding the champion contact id (the handover artifact's field). */
  championProperty: string;
  renewalDeals: RenewalDealRule;
}

export interface RiskContact {
  id: string;
  createdAt: string;
  jobtitle: string | null;
  jobtitleHistory: PropertyValue[];
  leftCompanyHistory: PropertyValue[];
}

export interface RiskDeal {
  id: string;
  pipeline: string | null;
  dealstage: string | null;
  dealtype: string | null;
  createdAt: string;
  closedAt: string | null;
  amount: number | null;
  championContactId: string | null;
  isRenewal: boolean;
}

export interface CompanyProperties {
  id: string;
  properties: Properties;
  propertyHistory: Record<string, PropertyValue[]>;
}

/** One company as the reader found it: plain data, every engagement once. */
export interface CompanyRiskRecord extends CompanyProperties {
  /** `contactIds` lists the company's contacts on it; `dealIds` the renewal deals it was logged on. */
  engagements: Engagement[];
  contacts: RiskContact[];
  deals: RiskDeal[];
}

export interface SkippedCompany {
  companyId: string;
  reason: string;
}

export interface RiskPage {
  records: CompanyRiskRecord[];
  skipped: SkippedCompany[];
}

export interface CompanyUpdate {
  companyId: string;
  properties: Readonly<Record<string, string>>;
}

export interface CompanyTaskToCreate {
  companyId: string;
  subject: string;
  body: string;
  dueAt: string;
  ownerId?: string;
}

/** Calls made through this port so far, every retry included, and how many HubSpot answered 429. */
export interface CrmCallStats {
  calls: number;
  rateLimited: number;
}

export interface RiskCrmPort extends PipelinesPort {
  /** Companies with a renewal date (optionally: modified since), ascending by id. */
  companiesWithRenewalDate(query: CompanyPageQuery): Promise<CompanyIdPage>;
  /** Companies' properties and histories only (1 call per 100): a delta sync's check of what changed. */
  readCompanies(
    companyIds: readonly string[],
    properties: readonly string[],
    withHistory: readonly string[],
  ): Promise<CompanyProperties[]>;
  /** The companies with everything their signals need; vanished ones come back as skipped. */
  readRiskPage(request: RiskReadRequest): Promise<RiskPage>;
  /**
   * Companies whose engagements (emails, meetings, calls, notes, tickets), contacts or deals
   * changed after the ISO datetime, found by search and mapped through associations.
   */
  companiesWithActivityModifiedAfter(since: string): Promise<string[]>;
  /** Batch updates of 100; returns the ids that no longer exist. */
  updateCompanies(updates: readonly CompanyUpdate[]): Promise<{ missing: string[] }>;
  /** Batch creates of 100, each task associated with its company inline. */
  createCompanyTasks(tasks: readonly CompanyTaskToCreate[]): Promise<{ created: number }>;
  callStats(): CrmCallStats;
}
