import { describe, expect, it } from 'vitest';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/models/PublicObjectSearchRequest';
import { SearchRequestError, searchObjects } from '#sandbox/search/engine';
import { plainSource } from './search-source';

const contacts = plainSource({
  properties: { email: 'string', num_notes: 'number', lastmodifieddate: 'datetime', hs_is_unworked: 'bool' },
  objects: { '1': { email: 'jane@example.com', num_notes: '2' } },
});

/** The SearchRequestError message for a body that arrived as JSON. */
function rejection(body: unknown): string {
  try {
    searchObjects(contacts, body as PublicObjectSearchRequest);
  } catch (error) {
    if (error instanceof SearchRequestError) return error.message;
    throw error;
  }
  throw new Error('the request was accepted');
}

const filter = (fields: Record<string, unknown>) => ({ filterGroups: [{ filters: [fields] }] });
const emailIs = { propertyName: 'email', operator: 'EQ', value: 'jane@example.com' };

describe('limits', () => {
  it('refuses more than 200 results a page', () => {
    expect(rejection({ limit: 201 })).toBe('limit must be less than or equal to 200, got 201');
  });

  it('refuses a page reaching past the 10,000th result', () => {
    expect(rejection({ limit: 200, after: '9801' })).toMatch(
      /^after \(9801\) \+ limit \(200\) must be at most 10000/,
    );
    expect(rejection({ after: '10000' })).toMatch(/^after \(10000\) \+ limit \(10\)/);
  });

  it('refuses more than 5 filter groups', () => {
    const groups = Array.from({ length: 6 }, () => ({ filters: [emailIs] }));
    expect(rejection({ filterGroups: groups })).toBe(
      'Too many filter groups: 6 were given, the maximum is 5',
    );
  });

  it('refuses more than 6 filters in a group', () => {
    const body = {
      filterGroups: [{ filters: [emailIs] }, { filters: Array.from({ length: 7 }, () => emailIs) }],
    };
    expect(rejection(body)).toBe('Too many filters in filterGroups[1]: 7 were given, the maximum is 6');
  });

  it('refuses more than 18 filters in all, though each group is within its limit', () => {
    const body = {
      filterGroups: Array.from({ length: 4 }, () => ({ filters: Array.from({ length: 5 }, () => emailIs) })),
    };
    expect(rejection(body)).toBe(
      'Too many filters: 20 were given across all filterGroups, the maximum is 18',
    );
  });

  it('accepts exactly 5 groups and 18 filters', () => {
    const sizes = [6, 6, 4, 1, 1];
    const body = {
      filterGroups: sizes.map((size) => ({ filters: Array.from({ length: size }, () => emailIs) })),
    };
    expect(searchObjects(contacts, body as PublicObjectSearchRequest).ids).toEqual(['1']);
  });
});

describe('filters naming what is wrong', () => {
  it('an unknown property', () => {
    expect(rejection(filter({ propertyName: 'emial', operator: 'EQ', value: 'x' }))).toBe(
      'filterGroups[0].filters[0].propertyName: property "emial" does not exist',
    );
  });

  it('an unknown operator', () => {
    expect(rejection(filter({ propertyName: 'email', operator: 'LIKE', value: 'x' }))).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.operator "LIKE" is not a filter operator; expected one of EQ, NEQ, /,
    );
  });

  it('a missing value', () => {
    expect(rejection(filter({ propertyName: 'email', operator: 'EQ' }))).toBe(
      'filterGroups[0].filters[0].value is required for operator EQ and must be a string, got nothing',
    );
  });

  it('BETWEEN without highValue', () => {
    expect(rejection(filter({ propertyName: 'num_notes', operator: 'BETWEEN', value: '1' }))).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.highValue is required for operator BETWEEN/,
    );
  });

  it('IN without values', () => {
    expect(rejection(filter({ propertyName: 'email', operator: 'IN', values: [] }))).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.values must be a non-empty array for operator IN/,
    );
  });

  it('a value of the wrong JSON type', () => {
    expect(rejection(filter({ propertyName: 'email', operator: 'EQ', value: { is: 'x' } }))).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.value is required for operator EQ and must be a string, got \{"is":"x"\}/,
    );
  });

  it('a number property given text', () => {
    expect(rejection(filter({ propertyName: 'num_notes', operator: 'GT', value: 'two' }))).toBe(
      'filterGroups[0].filters[0].value must be a number for number property "num_notes", got "two"',
    );
  });

  it('a datetime property given something that is not a time', () => {
    expect(
      rejection(filter({ propertyName: 'lastmodifieddate', operator: 'IN', values: ['2026-01-01', 'soon'] })),
    ).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.values\[1\] must be a datetime as epoch milliseconds or ISO 8601/,
    );
  });

  it('a bool property given something other than true or false', () => {
    expect(rejection(filter({ propertyName: 'hs_is_unworked', operator: 'EQ', value: 'yes' }))).toBe(
      'filterGroups[0].filters[0].value must be true or false for bool property "hs_is_unworked", got "yes"',
    );
  });

  it('a range on a bool', () => {
    expect(rejection(filter({ propertyName: 'hs_is_unworked', operator: 'GT', value: 'false' }))).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.operator GT is not supported for bool property "hs_is_unworked"/,
    );
  });

  it('an empty token', () => {
    expect(rejection(filter({ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: ' ' }))).toBe(
      'filterGroups[0].filters[0].value must not be empty for operator CONTAINS_TOKEN',
    );
  });

  it('an association to an object type that does not exist', () => {
    expect(rejection(filter({ propertyName: 'associations.compny', operator: 'EQ', value: '1' }))).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.propertyName: "associations\.compny" names no object type/,
    );
  });

  it('an operator associations do not support', () => {
    expect(rejection(filter({ propertyName: 'associations.company', operator: 'GT', value: '1' }))).toMatch(
      /^filterGroups\[0\]\.filters\[0\]\.operator GT is not supported for associations\.company/,
    );
  });

  it('filters that are not a list', () => {
    expect(rejection({ filterGroups: [{ filters: emailIs }] })).toBe(
      'filterGroups[0].filters must be an array, got ' + JSON.stringify(emailIs),
    );
  });
});

describe('the rest of the body', () => {
  it.each([
    [{ limit: '10' }, 'limit must be a non-negative integer, got "10"'],
    [{ limit: 2.5 }, 'limit must be a non-negative integer, got 2.5'],
    [
      { after: 'abc' },
      'after must be a paging cursor from paging.next.after (a non-negative integer string), got "abc"',
    ],
    [{ query: 42 }, 'query must be a string, got 42'],
    [{ sorts: 'email' }, 'sorts must be an array, got "email"'],
    [
      { sorts: [{ propertyName: 'email', direction: 'UP' }] },
      'sorts[0].direction must be ASCENDING or DESCENDING, got "UP"',
    ],
    [{ sorts: ['-'] }, 'sorts[0] must name a property, got "-"'],
    [{ sorts: ['-emial'] }, 'sorts[0].propertyName: property "emial" does not exist'],
    [{ filterGroups: {} }, 'filterGroups must be an array, got {}'],
    [[], 'The request body must be a JSON object'],
  ])('%j is refused', (body, message) => {
    expect(rejection(body)).toBe(message);
  });
});
