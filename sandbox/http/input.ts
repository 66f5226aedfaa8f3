import { validationError } from './errors.ts';

/** Small shape checks for request bodies; each error names the field by its JSON path. */
export function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError(`Invalid input: ${path} must be an object, found ${describe(value)}.`);
  }
  return value as Record<string, unknown>;
}

export function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value))
    throw validationError(`Invalid input: ${path} must be an array, found ${describe(value)}.`);
  return value;
}

export function expectString(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '') {
    throw validationError(`Invalid input: ${path} must be a non-empty string, found ${describe(value)}.`);
  }
  return value;
}

export function expectInteger(value: unknown, path: string): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw validationError(`Invalid input: ${path} must be an integer, found ${describe(value)}.`);
  }
  return number;
}

export function optionalStringList(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return expectArray(value, path).map((item, index) => expectString(item, `${path}[${index}]`));
}

/** HubSpot's batch endpoints take at most `limit` inputs; more is a 400 and nothing is done. */
export function batchInputs(body: unknown, limit: number): unknown[] {
  const inputs = expectArray(expectObject(body, 'body').inputs, 'inputs');
  if (inputs.length > limit) {
    throw validationError(
      `Batch input limit exceeded: ${inputs.length} inputs sent, the limit is ${limit}.`,
      {
        context: { inputs: [String(inputs.length)], limit: [String(limit)] },
      },
    );
  }
  return inputs;
}

/** A repeated or comma-separated query parameter (`properties=a&properties=b` or `properties=a,b`). */
export function queryList(query: unknown, name: string): string[] | undefined {
  const raw = (query as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  return values
    .flatMap((value) => String(value).split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function queryString(query: unknown, name: string): string | undefined {
  const raw = (query as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) return undefined;
  return Array.isArray(raw) ? String(raw[0]) : String(raw);
}

export function queryBoolean(query: unknown, name: string): boolean {
  return queryString(query, name) === 'true';
}

export function queryLimit(query: unknown, fallback: number, max: number): number {
  const raw = queryString(query, 'limit');
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) {
    throw validationError(`Invalid input: limit must be a positive integer, found ${JSON.stringify(raw)}.`);
  }
  return Math.min(limit, max);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 60)}`;
}
