import { describe, expect, it } from 'vitest';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/models/PublicObjectSearchRequest';
import { searchObjects } from '#sandbox/search/engine';
import { plainSource } from './search-source';

const companies = plainSource({
  properties: {
    name: 'string',
    annualrevenue: 'number',
    rg_renewal_date: 'date',
    rg_risk_tier: 'enumeration',
  },
  objects: {
    '1': { name: 'beta', annualrevenue: '300', rg_renewal_date: '2026-05-01', rg_risk_tier: 'high' },
    '2': { name: 'Alpha', annualrevenue: '100', rg_renewal_date: '2026-03-01' },
    '3': { name: 'gamma', annualrevenue: '300', rg_risk_tier: 'low' },
    '11': { name: 'delta', rg_renewal_date: '2026-04-01', rg_risk_tier: 'medium' },
    '20': { name: 'Beta', annualrevenue: '300', rg_renewal_date: '2026-03-01' },
  },
});

function search(request: object) {
  return searchObjects(companies, request as PublicObjectSearchRequest);
}

describe('sorting', () => {
  it('without sorts, results come in ascending id order', () => {
    expect(search({}).ids).toEqual(['1', '2', '3', '11', '20']);
  });

  it('sorts numbers ascending, ties by id, unset values last', () => {
    const sorts = [{ propertyName: 'annualrevenue', direction: 'ASCENDING' }];
    expect(search({ sorts }).ids).toEqual(['2', '1', '3', '20', '11']);
  });

  it('sorts numbers descending, ties still by ascending id, unset values still last', () => {
    const sorts = [{ propertyName: 'annualrevenue', direction: 'DESCENDING' }];
    expect(search({ sorts }).ids).toEqual(['1', '3', '20', '2', '11']);
  });

  it('sorts text ignoring case', () => {
    expect(search({ sorts: [{ propertyName: 'name', direction: 'ASCENDING' }] }).ids).toEqual([
      '2',
      '1',
      '20',
      '11',
      '3',
    ]);
  });

  it('sorts dates by day', () => {
    expect(search({ sorts: [{ propertyName: 'rg_renewal_date', direction: 'DESCENDING' }] }).ids).toEqual([
      '1',
      '11',
      '2',
      '20',
      '3',
    ]);
  });

  it('accepts the string form, a leading minus meaning descending', () => {
    expect(search({ sorts: ['-annualrevenue'] }).ids).toEqual(['1', '3', '20', '2', '11']);
    expect(search({ sorts: ['name'] }).ids).toEqual(['2', '1', '20', '11', '3']);
  });

  it('honours only the first sort, as HubSpot does', () => {
    const sorts = [
      { propertyName: 'annualrevenue', direction: 'DESCENDING' },
      { propertyName: 'name', direction: 'DESCENDING' },
    ];
    expect(search({ sorts }).ids).toEqual(['1', '3', '20', '2', '11']);
  });

  it('sorts by hs_object_id numerically', () => {
    expect(search({ sorts: ['-hs_object_id'] }).ids).toEqual(['20', '11', '3', '2', '1']);
  });

  it('sorts only the matches', () => {
    const request = {
      filterGroups: [{ filters: [{ propertyName: 'rg_risk_tier', operator: 'HAS_PROPERTY' }] }],
      sorts: [{ propertyName: 'name', direction: 'DESCENDING' }],
    };
    expect(search(request).ids).toEqual(['3', '11', '1']);
  });
});

describe('paging', () => {
  const numbered = plainSource({
    properties: { amount: 'number' },
    objects: Object.fromEntries(
      Array.from({ length: 25 }, (_, index) => [String(index + 1), { amount: String(index % 5) }]),
    ),
  });
  const page = (request: object) => searchObjects(numbered, request as PublicObjectSearchRequest);

  it('returns 10 results by default with the total and the cursor of the next page', () => {
    expect(page({})).toEqual({
      ids: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      total: 25,
      nextAfter: '10',
    });
  });

  it('continues from the cursor, with no cursor on the last page', () => {
    expect(page({ limit: 10, after: '10' }).ids).toEqual([
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
    ]);
    expect(page({ limit: 10, after: '20' })).toEqual({ ids: ['21', '22', '23', '24', '25'], total: 25 });
  });

  it('a page ending exactly at the last match has no next cursor', () => {
    expect(page({ limit: 5, after: '20' }).nextAfter).toBeUndefined();
    expect(page({ limit: 5, after: '15' }).nextAfter).toBe('20');
  });

  it('counts every match though the page is short', () => {
    const request = {
      limit: 2,
      filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'EQ', value: '0' }] }],
    };
    expect(page(request)).toEqual({ ids: ['1', '6'], total: 5, nextAfter: '2' });
  });

  it('pages through sorted results', () => {
    const request = { limit: 4, after: '3', sorts: ['-amount'] };
    expect(page(request)).toEqual({ ids: ['20', '25', '4', '9'], total: 25, nextAfter: '7' });
  });

  it('a cursor past the end gives an empty page and the total', () => {
    expect(page({ after: '40' })).toEqual({ ids: [], total: 25 });
  });

  it('limit 0 gives the total alone', () => {
    expect(page({ limit: 0 })).toEqual({ ids: [], total: 25 });
  });

  it('accepts up to 200 results a page and a window up to the 10,000th result', () => {
    expect(page({ limit: 200 }).ids).toHaveLength(25);
    expect(page({ limit: 200, after: '9800' })).toEqual({ ids: [], total: 25 });
  });
});

describe('sorting thousands of matches', () => {
  const amountOf = (id: number) => (id * 7919) % 1000;
  const many = plainSource({
    properties: { amount: 'number' },
    objects: Object.fromEntries(
      Array.from({ length: 5000 }, (_, index) => [
        String(index + 1),
        { amount: String(amountOf(index + 1)) },
      ]),
    ),
  });

  it('pages deep into the sort exactly as sorting them all would', () => {
    const everyId = Array.from({ length: 5000 }, (_, index) => index + 1);
    const expected = everyId
      .sort((a, b) => amountOf(b) - amountOf(a) || a - b)
      .slice(1000, 1200)
      .map(String);
    const request = { limit: 200, after: '1000', sorts: ['-amount'] } as PublicObjectSearchRequest;
    expect(searchObjects(many, request)).toEqual({ ids: expected, total: 5000, nextAfter: '1200' });
  });
});
