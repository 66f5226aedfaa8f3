/**
 * The CRM records the use cases read and write, as plain data. HubSpot's shapes, trimmed to what
 * Renewal Guard needs, so the domain and the card never depend on the HubSpot client.
 */

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  /** HubSpot's strings: `isClosed` is "true"/"false", `probability` "1.0" for won, "0.0" for lost. */
  metadata: Readonly<Record<string, string>>;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: readonly PipelineStage[];
}

/** One value a property held, as property history reports it. */
export interface PropertyChange {
  value: string;
  /** ISO datetime the value was set. */
  timestamp: string;
  /** e.g. CRM_UI, INTEGRATION, IMPORT, AUTOMATION_PLATFORM. */
  sourceType?: string;
  sourceId?: string;
}

export type Properties = Readonly<Record<string, string | null>>;

export interface DealRecord {
  id: string;
  properties: Properties;
  /** Every value `dealstage` held, newest first, the current one included. */
  dealstageHistory: readonly PropertyChange[];
  contactIds: readonly string[];
}

export interface ContactRecord {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

export interface Team {
  id: string;
  name: string;
}

/** A HubSpot owner: the record behind a user that deals, tasks and notes are assigned to. */
export interface Owner {
  id: string;
  userId: number | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  teams: readonly Team[];
}

export interface NoteToCreate {
  dealId: string;
  body: string;
  /** ISO datetime the note is dated. */
  timestamp: string;
}

export interface TaskToCreate {
  dealId: string;
  subject: string;
  body: string;
  /** ISO datetime the task is due. */
  dueAt: string;
  ownerId?: string;
  /** HubSpot task queues the task joins (`hs_queue_membership_ids`). */
  queueIds?: readonly string[];
}
