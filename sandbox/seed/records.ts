import type { PropertyDefinition, PropertyGroupDefinition } from '#src/hubspot/catalog/index';
import type { ChangeSource } from '../events';

/**
 * A seed is a stream of records, consumed one at a time by the store's loader so that a
 * 10,000-company portal never exists twice in memory. Generators must be deterministic for a
 * given seed number and must yield a record's dependencies (owners, pipelines, properties, the
 * objects an association joins) before the record itself.
 */
export type SeedRecord =
  | { kind: 'team'; team: SeedTeam }
  | { kind: 'owner'; owner: SeedOwner }
  | { kind: 'pipeline'; objectType: 'deals' | 'tickets'; pipeline: SeedPipeline }
  | { kind: 'propertyGroup'; objectType: string; group: PropertyGroupDefinition }
  | { kind: 'property'; objectType: string; property: PropertyDefinition }
  | { kind: 'associationLabel'; fromObjectType: string; toObjectType: string; label: string; name: string }
  | { kind: 'object'; object: SeedObject }
  | { kind: 'association'; association: SeedAssociation };

export interface SeedTeam {
  id: string;
  name: string;
}

export interface SeedOwner {
  id: string;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
  /** Role in the demo story: ae, csm, cs_manager, director, vp, revops. Not a HubSpot field. */
  role: string;
  teams: { id: string; primary: boolean }[];
}

export interface SeedPipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: {
    id: string;
    label: string;
    displayOrder: number;
    /** As HubSpot returns them: strings. Deals: `isClosed` "true"/"false", `probability` "0.0"…"1.0". Tickets: `ticketState` "OPEN"/"CLOSED". */
    metadata: Record<string, string>;
  }[];
}

export interface SeedHistoryEntry {
  value: string;
  /** Epoch milliseconds. */
  timestamp: number;
  sourceType: ChangeSource;
  sourceId?: string;
}

export interface SeedObject {
  objectType: string;
  /** Numeric string, unique within its object type. */
  id: string;
  /** Current values, as HubSpot strings (dates `YYYY-MM-DD`, datetimes ISO 8601, numbers in decimal). */
  properties: Record<string, string>;
  /** Epoch milliseconds; becomes `createdate` / `hs_createdate`. */
  createdAt: number;
  /** Earlier values, oldest first, for properties whose history matters (e.g. `dealstage`). The current value must be the last entry. */
  history?: Record<string, SeedHistoryEntry[]>;
  source?: ChangeSource;
}

export interface SeedAssociation {
  fromObjectType: string;
  fromId: string;
  toObjectType: string;
  toId: string;
  /** A user-defined label's name (e.g. `champion`) besides the default association; omit for the default type only. */
  label?: string;
}
