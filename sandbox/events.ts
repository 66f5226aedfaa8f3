/**
 * The sandbox's change feed. The store publishes one event per committed change; the webhook
 * dispatcher subscribes to it. Events are published only after a whole request has been applied,
 * so a rejected batch publishes nothing.
 */
export type ChangeSource =
  'CRM_UI' | 'INTEGRATION' | 'API' | 'IMPORT' | 'AUTOMATION_PLATFORM' | 'CRM_UI_BULK_ACTION';

/** Who made a change, as HubSpot reports it in property history and webhooks. */
export interface ChangeActor {
  changeSource: ChangeSource;
  /** e.g. `userId:123` for a person, the app id for an app, absent for imports and workflows. */
  sourceId?: string;
  /** The app that made the change (the sandbox's own app is 1000), if any. */
  appId?: number;
}

export type ChangeKind = 'creation' | 'propertyChange' | 'deletion';

export interface ChangeEvent {
  portalId: number;
  kind: ChangeKind;
  /** Plural API name: `deals`, `companies`, `contacts`, … */
  objectType: string;
  /** HubSpot's object type id: `0-3` deals, `0-2` companies, `0-1` contacts, … */
  objectTypeId: string;
  objectId: string;
  /** For propertyChange only. */
  propertyName?: string;
  propertyValue?: string;
  occurredAt: number;
  actor: ChangeActor;
}

export type ChangeListener = (events: readonly ChangeEvent[]) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Publishes the changes of one committed request, in the order they were applied. */
  publish(events: readonly ChangeEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) listener(events);
  }
}
