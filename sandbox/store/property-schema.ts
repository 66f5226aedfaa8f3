import type { Property } from '@hubspot/api-client/lib/codegen/crm/properties/models/Property';
import type { PropertyGroup } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyGroup';
import type { PropertyOption, PropertyType } from '#src/hubspot/catalog/index';

/** A property definition as the store keeps it; `optionValues` makes enumeration checks O(1). */
export interface StoredProperty {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  displayOrder: number;
  hidden: boolean;
  hubspotDefined: boolean;
  /** HubSpot computes it (hs_object_id, createdate…): API writes are refused. */
  readOnlyValue: boolean;
  hasUniqueValue: boolean;
  options: PropertyOption[];
  optionValues: Map<string, string>;
  createdAt: number;
  updatedAt: number;
}

export interface StoredGroup {
  name: string;
  label: string;
  displayOrder: number;
}

/** The property definitions and groups of one object type. */
export class PropertySchema {
  readonly properties = new Map<string, StoredProperty>();
  readonly groups = new Map<string, StoredGroup>();

  get(name: string): StoredProperty | undefined {
    return this.properties.get(name);
  }

  put(property: Omit<StoredProperty, 'optionValues'>): StoredProperty {
    const stored: StoredProperty = { ...property, optionValues: optionIndex(property.options) };
    this.properties.set(stored.name, stored);
    return stored;
  }
}

/** Enumeration values keyed to one shared string instance each, so stored values are interned. */
function optionIndex(options: PropertyOption[]): Map<string, string> {
  return new Map(options.map((option) => [option.value, option.value]));
}

export function propertyOnTheWire(property: StoredProperty): Property {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    description: property.description,
    groupName: property.groupName,
    options: property.options.map((option) => ({ ...option })),
    displayOrder: property.displayOrder,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: property.hasUniqueValue,
    hidden: property.hidden,
    hubspotDefined: property.hubspotDefined,
    formField: !property.readOnlyValue,
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: property.readOnlyValue,
    },
    createdAt: new Date(property.createdAt),
    updatedAt: new Date(property.updatedAt),
    archived: false,
  };
}

export function groupOnTheWire(group: StoredGroup): PropertyGroup {
  return { name: group.name, label: group.label, displayOrder: group.displayOrder, archived: false };
}
