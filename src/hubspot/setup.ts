import {
  CHAMPION_ASSOCIATION_LABEL,
  PROPERTY_CATALOG,
  type CatalogObjectType,
  type PropertyDefinition,
  type PropertyGroupDefinition,
  type PropertyOption,
} from './catalog/index';

/** A property as the portal has it: the catalog's fields we compare (HubSpot adds more). */
export type PortalProperty = Omit<PropertyDefinition, 'readOnlyForUsers'>;

export interface AssociationLabel {
  typeId: number;
  label: string;
  category: string;
}

/** The few HubSpot schema calls setup needs; `createHubSpotSetupApi` implements them. */
export interface PortalSchemaApi {
  groups(objectType: CatalogObjectType): Promise<PropertyGroupDefinition[]>;
  createGroup(objectType: CatalogObjectType, group: PropertyGroupDefinition): Promise<void>;
  updateGroup(objectType: CatalogObjectType, group: PropertyGroupDefinition): Promise<void>;
  properties(objectType: CatalogObjectType): Promise<PortalProperty[]>;
  createProperty(objectType: CatalogObjectType, property: PortalProperty): Promise<void>;
  updateProperty(objectType: CatalogObjectType, property: PortalProperty): Promise<void>;
  dealContactLabels(): Promise<AssociationLabel[]>;
  createDealContactLabel(label: { label: string; name: string }): Promise<void>;
  relabelDealContactLabel(typeId: number, label: string): Promise<void>;
}

export type SetupAction = 'created' | 'updated' | 'unchanged';

export interface SetupItem {
  /** e.g. "property group deals.renewal_guard_handover", "property deals.rg_gate_status". */
  item: string;
  action: SetupAction;
  /** For an update: which fields differed. */
  changed?: string[];
}

/**
 * Brings the portal's schema to the catalog: creates what is missing, updates what differs, and
 * writes nothing for what already matches, so a second run is read-only.
 */
export async function setupPortal(
  api: PortalSchemaApi,
  catalog: typeof PROPERTY_CATALOG = PROPERTY_CATALOG,
): Promise<SetupItem[]> {
  const report: SetupItem[] = [];
  for (const [objectType, { groups, properties }] of Object.entries(catalog) as [
    CatalogObjectType,
    (typeof catalog)[CatalogObjectType],
  ][]) {
    // Groups first: a property cannot name a group that does not exist yet.
    const existingGroups = new Map((await api.groups(objectType)).map((g) => [g.name, g]));
    for (const group of groups) {
      const item = `property group ${objectType}.${group.name}`;
      const existing = existingGroups.get(group.name);
      if (!existing) {
        await api.createGroup(objectType, group);
        report.push({ item, action: 'created' });
        continue;
      }
      const changed = differences(existing, group, ['label', 'displayOrder']);
      if (changed.length > 0) await api.updateGroup(objectType, group);
      report.push(changed.length > 0 ? { item, action: 'updated', changed } : { item, action: 'unchanged' });
    }
    const existingProperties = new Map((await api.properties(objectType)).map((p) => [p.name, p]));
    for (const definition of properties) {
      const property = portalProperty(definition);
      const item = `property ${objectType}.${property.name}`;
      const existing = existingProperties.get(property.name);
      if (!existing) {
        await api.createProperty(objectType, property);
        report.push({ item, action: 'created' });
        continue;
      }
      const changed = propertyDifferences(existing, property);
      if (changed.length > 0) await api.updateProperty(objectType, property);
      report.push(changed.length > 0 ? { item, action: 'updated', changed } : { item, action: 'unchanged' });
    }
  }
  report.push(await setupChampionLabel(api));
  return report;
}

/**
 * HubSpot's label list does not return a label's internal name, so the label text identifies it;
 * a differently cased "champion" is the same label and is relabelled rather than duplicated.
 */
async function setupChampionLabel(api: PortalSchemaApi): Promise<SetupItem> {
  const { label, name } = CHAMPION_ASSOCIATION_LABEL;
  const item = `association label deals→contacts "${label}"`;
  const existing = (await api.dealContactLabels()).find(
    (l) => l.category === 'USER_DEFINED' && l.label.trim().toLowerCase() === label.toLowerCase(),
  );
  if (!existing) {
    await api.createDealContactLabel({ label, name });
    return { item, action: 'created' };
  }
  if (existing.label === label) return { item, action: 'unchanged' };
  await api.relabelDealContactLabel(existing.typeId, label);
  return { item, action: 'updated', changed: ['label'] };
}

/** `readOnlyForUsers` is documentation for us: HubSpot's public API cannot set it on a property. */
function portalProperty({ readOnlyForUsers: _documented, ...property }: PropertyDefinition): PortalProperty {
  return property;
}

function differences<T extends object>(actual: T, wanted: T, keys: readonly (keyof T)[]): string[] {
  return keys.filter((key) => actual[key] !== wanted[key]).map(String);
}

function propertyDifferences(actual: PortalProperty, wanted: PortalProperty): string[] {
  const changed = differences(actual, wanted, ['label', 'description', 'groupName', 'type', 'fieldType']);
  if (wanted.options && !sameOptions(actual.options ?? [], wanted.options)) changed.push('options');
  return changed;
}

function sameOptions(actual: readonly PropertyOption[], wanted: readonly PropertyOption[]): boolean {
  const key = (o: PropertyOption) => `${o.value}\u0000${o.label}\u0000${o.displayOrder}\u0000${o.hidden}`;
  return actual.map(key).sort().join('\u0001') === wanted.map(key).sort().join('\u0001');
}

/** One line per item and a count per action, for the terminal. */
export function formatSetupReport(report: readonly SetupItem[]): string {
  const lines = report.map(
    ({ item, action, changed }) => `${action.padEnd(9)} ${item}${changed ? ` (${changed.join(', ')})` : ''}`,
  );
  const count = (action: SetupAction) => report.filter((r) => r.action === action).length;
  lines.push(`${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged.`);
  return lines.join('\n');
}
