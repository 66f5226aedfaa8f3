/** The shape HubSpot's properties API takes for a property we own (a subset of `PropertyCreate`). */
export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'radio' | 'booleancheckbox';

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  groupName: string;
  description: string;
  options?: PropertyOption[];
  /** Written by the backend only; users read it. */
  readOnlyForUsers?: boolean;
}

export interface PropertyGroupDefinition {
  name: string;
  label: string;
  displayOrder: number;
}

export type CatalogObjectType = 'deals' | 'companies';

export function enumOptions(values: readonly string[], labels?: Record<string, string>): PropertyOption[] {
  return values.map((value, displayOrder) => ({
    value,
    label: labels?.[value] ?? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    displayOrder,
    hidden: false,
  }));
}
