import type { SeedOwner, SeedPipeline, SeedTeam } from '../seed/records.ts';
import { OBJECT_TYPES, OBJECT_TYPE_NAMES, type ObjectTypeName } from '../hubspot/object-types.ts';
import { ActorTable } from './actors.ts';
import { AssociationIndex } from './association-index.ts';
import { AssociationLabels } from './association-labels.ts';
import { ObjectTable } from './object-table.ts';
import { PropertySchema } from './property-schema.ts';

export type PipelineObjectType = 'deals' | 'tickets';

export interface StoredPipeline extends SeedPipeline {
  createdAt: number;
  updatedAt: number;
}

export interface StoredOwner extends SeedOwner {
  createdAt: number;
  updatedAt: number;
}

/** Where a fresh portal's ids start per type: HubSpot's ids are long numbers, not 1, 2, 3. */
const FIRST_IDS: Record<ObjectTypeName, number> = {
  contacts: 100_001,
  companies: 200_001,
  deals: 300_001,
  tickets: 400_001,
  emails: 50_000_001,
  meetings: 60_000_001,
  calls: 70_000_001,
  notes: 80_000_001,
  tasks: 90_000_001,
};

/** Everything one sandbox portal holds. Changed only through `applyMutation` and the seed loader. */
export class Portal {
  readonly actors = new ActorTable();
  readonly associations = new AssociationIndex();
  readonly labels = new AssociationLabels();
  readonly schemas = {} as Record<ObjectTypeName, PropertySchema>;
  readonly tables = {} as Record<ObjectTypeName, ObjectTable>;
  readonly pipelines: Record<PipelineObjectType, Map<string, StoredPipeline>> = {
    deals: new Map(),
    tickets: new Map(),
  };
  readonly owners = new Map<string, StoredOwner>();
  readonly teams = new Map<string, SeedTeam>();

  constructor(readonly portalId: number) {
    for (const name of OBJECT_TYPE_NAMES) {
      const schema = new PropertySchema();
      this.schemas[name] = schema;
      this.tables[name] = new ObjectTable(OBJECT_TYPES[name], schema, FIRST_IDS[name]);
    }
  }

  /** Owners by the HubSpot user id their CRM UI token names. */
  ownerByUserId(userId: number): StoredOwner | undefined {
    for (const owner of this.owners.values()) if (owner.userId === userId) return owner;
    return undefined;
  }
}
