import type { ContactRecord, DealRecord, NoteToCreate, Owner, Pipeline, TaskToCreate } from './records';

/**
 * What the use cases need from the CRM, one portal per instance. The HubSpot adapter implements
 * it; the domain never sees HubSpot's client. Failures throw `CrmError` (see ./errors).
 */
export interface DealsPort {
  /** The deal with the given properties, its `dealstage` history and its associated contact ids; null if it does not exist. */
  readDeal(dealId: string, properties: readonly string[]): Promise<DealRecord | null>;
  /** Sets deal properties in one update, so a move-back and its status land together. */
  updateDeal(dealId: string, properties: Readonly<Record<string, string>>): Promise<void>;
}

export interface ContactsPort {
  /** The contacts that exist among the ids, in no particular order; missing ids are left out. */
  readContacts(contactIds: readonly string[]): Promise<ContactRecord[]>;
}

export interface PipelinesPort {
  /**
   * The portal's deal pipelines. Cached with a TTL; `refresh` forces a reload, for a stage id the
   * cache does not know (a stage added since).
   */
  dealPipelines(options?: { refresh?: boolean }): Promise<readonly Pipeline[]>;
}

export interface EngagementsPort {
  createNote(note: NoteToCreate): Promise<{ id: string }>;
  createTask(task: TaskToCreate): Promise<{ id: string }>;
}

export interface OwnersPort {
  /** The owner record of a HubSpot user (by user id, as signed requests carry it), with teams. */
  ownerByUserId(userId: number): Promise<Owner | null>;
  ownerById(ownerId: string): Promise<Owner | null>;
  /** Every active owner, with teams. */
  owners(): Promise<Owner[]>;
}

/** One page of deals the reconciliation sweep should check. */
export interface GateSweepPage {
  dealIds: string[];
  /** Pass as `afterDealId` for the next page; null when this was the last. */
  nextAfterDealId: string | null;
}

export interface GateSweepQuery {
  wonStageIds: readonly string[];
  /** Deals whose gate was checked before this ISO datetime are due again. */
  checkedBefore: string;
  /** Only deals modified since this ISO datetime (the gate's start: older won deals are not its business). */
  modifiedSince?: string;
  /** Deals with a larger id than this, for paging past the search API's 10,000-result cap. */
  afterDealId?: string;
  /** At most 200 (the search API's page size). */
  limit?: number;
}

export interface DealSearchPort {
  /**
   * Deals in a won stage whose gate was never checked, was checked before `checkedBefore`, has no
   * status, or is `blocked` (a move-back that did not land), ascending by id. Flagged and clear
   * deals come back only when their check is stale, so a steady flag is not re-queued every sweep.
   */
  dealsDueForGateCheck(query: GateSweepQuery): Promise<GateSweepPage>;
}

/** A deal as a batch read returns it: no associations (HubSpot's batch read has none). */
export type BatchReadDeal = Omit<DealRecord, 'contactIds'>;

/**
 * Many deals per call, for workers that handle a queue batch: HubSpot's batch endpoints take 100
 * inputs and count as one request against the rate limit.
 */
export interface DealBatchesPort {
  /** The deals that exist among the ids, with their `dealstage` history; missing ids are left out. */
  readDeals(dealIds: readonly string[], properties: readonly string[]): Promise<BatchReadDeal[]>;
  /** The contact ids associated with each deal (associations v4 batch read, 1,000 deals a call). */
  dealContactIds(dealIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  updateDeals(
    updates: readonly { dealId: string; properties: Readonly<Record<string, string>> }[],
  ): Promise<void>;
  /** Notes and tasks are created with their deal association inline, 100 a call. */
  createNotes(notes: readonly NoteToCreate[]): Promise<void>;
  createTasks(tasks: readonly TaskToCreate[]): Promise<void>;
  /**
   * The bodies of the notes and of the tasks associated with each deal: one associations read for
   * notes and one for tasks (1,000 deals a call), then batch reads of the bodies found.
   */
  dealNoteAndTaskBodies(dealIds: readonly string[]): Promise<ReadonlyMap<string, DealNoteAndTaskBodies>>;
}

export interface DealNoteAndTaskBodies {
  notes: readonly string[];
  tasks: readonly string[];
}

export type CrmPort = DealsPort &
  DealBatchesPort &
  ContactsPort &
  PipelinesPort &
  EngagementsPort &
  OwnersPort &
  DealSearchPort;
