import type { ObjectTypeName } from '../hubspot/object-types.ts';
import type { Portal } from '../store/portal.ts';
import { parseValue } from '../store/values.ts';
import { invalidProperties, type PropertyProblem } from './errors.ts';
import { expectObject } from './input.ts';

/**
 * Checks a write's `properties` like HubSpot: every name must exist on the type, computed ones are
 * read-only, and values must fit the property's type and options. All problems are reported at once.
 */
export function validatedProperties(
  portal: Portal,
  type: ObjectTypeName,
  raw: unknown,
  path = 'properties',
): Record<string, string> {
  const input = raw === undefined ? {} : expectObject(raw, path);
  const schema = portal.schemas[type];
  const problems: PropertyProblem[] = [];
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const property = schema.get(name);
    if (!property) {
      problems.push({
        isValid: false,
        message: `Property "${name}" does not exist`,
        error: 'PROPERTY_DOESNT_EXIST',
        name,
      });
      continue;
    }
    if (property.readOnlyValue) {
      problems.push({
        isValid: false,
        message: `${name} is a read only property; its value cannot be set.`,
        error: 'READ_ONLY_VALUE',
        name,
      });
      continue;
    }
    const parsed = parseValue(property, value);
    if (!parsed.ok) problems.push(parsed.problem);
    else properties[name] = value === null ? '' : String(value);
  }
  if (problems.length > 0) throw invalidProperties(problems);
  return properties;
}
