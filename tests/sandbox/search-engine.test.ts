import { describe, expect, it } from 'vitest';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/models/PublicObjectSearchRequest';
import { searchObjects } from '#sandbox/search/engine';
import { plainSource } from './search-source';

const deals = plainSource({
  properties: {
    dealname: 'string',
    amount: 'number',
    closedate: 'date',
    hs_lastmodifieddate: 'datetime',
    dealstage: 'enumeration',
    rg_is_renewal: 'bool',
  },
  objects: {
    '1': {
      dealname: 'Acme Corp renewal',
      amount: '5000',
      closedate: '2026-01-31',
      hs_lastmodifieddate: '2026-01-31T09:00:00.000Z',
      dealstage: 'closedwon',
      rg_is_renewal: 'true',
    },
    '2': {
      dealname: 'Globex expansion',
      amount: '12000.5',
      closedate: '2026-02-15',
      hs_lastmodifieddate: '2026-02-15T17:30:00.000Z',
      dealstage: 'appointmentscheduled',
      rg_is_renewal: 'false',
    },
    '3': {
      dealname: 'Acmeville pilot',
      amount: '800',
      closedate: '2025-12-01',
      hs_lastmodifieddate: '2025-12-01T00:00:00.000Z',
      dealstage: 'closedlost',
      rg_is_renewal: 'true',
    },
    '4': { dealname: 'Initech', dealstage: '' },
    '10': {
      dealname: 'acme-corp upsell',
      amount: '5000',
      closedate: '2026-03-01',
      hs_lastmodifieddate: '2026-03-01T12:00:00.000Z',
      dealstage: 'ClosedWon',
      rg_is_renewal: 'false',
    },
  },
  associations: {
    '1': { companies: ['100'], contacts: ['7'] },
    '2': { companies: ['200'] },
    '10': { companies: ['100', '300'] },
  },
});

type Filter = {
  propertyName: string;
  operator: string;
  value?: unknown;
  highValue?: unknown;
  values?: unknown[];
};

/** Ids matching one filter group, in result order. */
function matching(...filters: Filter[]): string[] {
  return searchObjects(deals, { filterGroups: [{ filters }], limit: 200 } as PublicObjectSearchRequest).ids;
}

describe('number properties compare numerically', () => {
  it.each([
    ['EQ', '5000', ['1', '10']],
    ['NEQ', '5000', ['2', '3']],
    ['LT', '5000', ['3']],
    ['LTE', '5000', ['1', '3', '10']],
    ['GT', '900', ['1', '2', '10']],
    ['GTE', '12000.5', ['2']],
  ])('%s %s', (operator, value, ids) => {
    expect(matching({ propertyName: 'amount', operator, value })).toEqual(ids);
  });

  it('BETWEEN includes both ends', () => {
    expect(
      matching({ propertyName: 'amount', operator: 'BETWEEN', value: '800', highValue: '5000' }),
    ).toEqual(['1', '3', '10']);
  });

  it('IN and NOT_IN take a list of values, numbers as JSON numbers too', () => {
    expect(matching({ propertyName: 'amount', operator: 'IN', values: [800, '12000.50'] })).toEqual([
      '2',
      '3',
    ]);
    expect(matching({ propertyName: 'amount', operator: 'NOT_IN', values: ['800'] })).toEqual([
      '1',
      '2',
      '10',
    ]);
  });

  it('800 is less than 1000 though "800" sorts after "1000" as text', () => {
    expect(matching({ propertyName: 'amount', operator: 'LT', value: '1000' })).toEqual(['3']);
  });
});

describe('dates and datetimes compare by time', () => {
  it('a date filter takes ISO days or epoch milliseconds at midnight UTC', () => {
    expect(matching({ propertyName: 'closedate', operator: 'EQ', value: '2026-01-31' })).toEqual(['1']);
    expect(
      matching({ propertyName: 'closedate', operator: 'EQ', value: String(Date.UTC(2026, 0, 31)) }),
    ).toEqual(['1']);
  });

  it('a time of day on a date filter still matches the whole day', () => {
    expect(matching({ propertyName: 'closedate', operator: 'EQ', value: '2026-01-31T18:00:00Z' })).toEqual([
      '1',
    ]);
  });

  it('ranges on dates', () => {
    expect(matching({ propertyName: 'closedate', operator: 'LT', value: '2026-01-31' })).toEqual(['3']);
    expect(matching({ propertyName: 'closedate', operator: 'GTE', value: '2026-02-15' })).toEqual([
      '2',
      '10',
    ]);
    expect(
      matching({
        propertyName: 'closedate',
        operator: 'BETWEEN',
        value: '2026-01-01',
        highValue: '2026-02-15',
      }),
    ).toEqual(['1', '2']);
  });

  it('datetimes compare to the millisecond, in any notation', () => {
    const nineAm = Date.UTC(2026, 0, 31, 9);
    expect(matching({ propertyName: 'hs_lastmodifieddate', operator: 'EQ', value: nineAm })).toEqual(['1']);
    expect(
      matching({ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: '2026-01-31T09:00:00Z' }),
    ).toEqual(['2', '10']);
    expect(matching({ propertyName: 'hs_lastmodifieddate', operator: 'LTE', value: nineAm - 1 })).toEqual([
      '3',
    ]);
    expect(
      matching({
        propertyName: 'hs_lastmodifieddate',
        operator: 'NOT_IN',
        values: [nineAm, '2025-12-01T00:00:00Z'],
      }),
    ).toEqual(['2', '10']);
  });
});

describe('strings and enumerations ignore case', () => {
  it('EQ and NEQ on an enumeration', () => {
    expect(matching({ propertyName: 'dealstage', operator: 'EQ', value: 'closedwon' })).toEqual(['1', '10']);
    expect(matching({ propertyName: 'dealstage', operator: 'NEQ', value: 'CLOSEDWON' })).toEqual(['2', '3']);
  });

  it('IN and NOT_IN on an enumeration', () => {
    expect(
      matching({ propertyName: 'dealstage', operator: 'IN', values: ['closedwon', 'closedlost'] }),
    ).toEqual(['1', '3', '10']);
    expect(matching({ propertyName: 'dealstage', operator: 'NOT_IN', values: ['ClosedWon'] })).toEqual([
      '2',
      '3',
    ]);
  });

  it('EQ on a string matches the whole value only', () => {
    expect(matching({ propertyName: 'dealname', operator: 'EQ', value: 'initech' })).toEqual(['4']);
    expect(matching({ propertyName: 'dealname', operator: 'EQ', value: 'Acme' })).toEqual([]);
  });

  it('ranges order text alphabetically', () => {
    expect(matching({ propertyName: 'dealname', operator: 'LT', value: 'b' })).toEqual(['1', '3', '10']);
    expect(matching({ propertyName: 'dealname', operator: 'GTE', value: 'globex' })).toEqual(['2', '4']);
    expect(matching({ propertyName: 'dealname', operator: 'BETWEEN', value: 'G', highValue: 'J' })).toEqual([
      '2',
      '4',
    ]);
  });

  it('CONTAINS_TOKEN matches whole words, not parts of words', () => {
    expect(matching({ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'acme' })).toEqual([
      '1',
      '10',
    ]);
    expect(matching({ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'corp renewal' })).toEqual(
      ['1'],
    );
  });

  it('CONTAINS_TOKEN takes * as a wildcard', () => {
    expect(matching({ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'acme*' })).toEqual([
      '1',
      '3',
      '10',
    ]);
    expect(matching({ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: '*corp' })).toEqual([
      '1',
      '10',
    ]);
  });

  it('NOT_CONTAINS_TOKEN keeps set values without the word', () => {
    expect(matching({ propertyName: 'dealname', operator: 'NOT_CONTAINS_TOKEN', value: 'acme' })).toEqual([
      '2',
      '3',
      '4',
    ]);
  });
});

describe('bools', () => {
  it('EQ, NEQ, IN and NOT_IN take true or false', () => {
    expect(matching({ propertyName: 'rg_is_renewal', operator: 'EQ', value: 'true' })).toEqual(['1', '3']);
    expect(matching({ propertyName: 'rg_is_renewal', operator: 'EQ', value: false })).toEqual(['2', '10']);
    expect(matching({ propertyName: 'rg_is_renewal', operator: 'NEQ', value: 'true' })).toEqual(['2', '10']);
    expect(matching({ propertyName: 'rg_is_renewal', operator: 'IN', values: ['TRUE'] })).toEqual(['1', '3']);
    expect(matching({ propertyName: 'rg_is_renewal', operator: 'NOT_IN', values: ['true'] })).toEqual([
      '2',
      '10',
    ]);
  });
});

describe('unset values', () => {
  it('HAS_PROPERTY and NOT_HAS_PROPERTY split set from unset, an empty string counting as unset', () => {
    expect(matching({ propertyName: 'dealstage', operator: 'HAS_PROPERTY' })).toEqual(['1', '2', '3', '10']);
    expect(matching({ propertyName: 'dealstage', operator: 'NOT_HAS_PROPERTY' })).toEqual(['4']);
    expect(matching({ propertyName: 'amount', operator: 'NOT_HAS_PROPERTY' })).toEqual(['4']);
  });

  it('negative operators do not match an unset value, as in HubSpot', () => {
    expect(matching({ propertyName: 'amount', operator: 'NEQ', value: '1' })).not.toContain('4');
    expect(matching({ propertyName: 'closedate', operator: 'NOT_IN', values: ['2026-01-31'] })).not.toContain(
      '4',
    );
    expect(
      matching({ propertyName: 'rg_is_renewal', operator: 'NOT_CONTAINS_TOKEN', value: 'x' }),
    ).not.toContain('4');
  });
});

describe('hs_object_id', () => {
  it('filters by id numerically on every object type', () => {
    expect(matching({ propertyName: 'hs_object_id', operator: 'GT', value: '3' })).toEqual(['4', '10']);
  });
});

describe('filter groups', () => {
  it('ANDs the filters within a group', () => {
    expect(
      matching(
        { propertyName: 'amount', operator: 'EQ', value: '5000' },
        { propertyName: 'rg_is_renewal', operator: 'EQ', value: 'true' },
      ),
    ).toEqual(['1']);
  });

  it('ORs the groups', () => {
    const request = {
      filterGroups: [
        { filters: [{ propertyName: 'dealstage', operator: 'EQ', value: 'closedlost' }] },
        { filters: [{ propertyName: 'amount', operator: 'GT', value: '10000' }] },
      ],
    } as PublicObjectSearchRequest;
    expect(searchObjects(deals, request).ids).toEqual(['2', '3']);
  });

  it('no filter groups match every object', () => {
    expect(searchObjects(deals, {} as PublicObjectSearchRequest).total).toBe(5);
  });
});

describe('associations.<type>', () => {
  it('EQ finds objects associated with the id, by singular or plural type name', () => {
    expect(matching({ propertyName: 'associations.company', operator: 'EQ', value: '100' })).toEqual([
      '1',
      '10',
    ]);
    expect(matching({ propertyName: 'associations.companies', operator: 'EQ', value: '300' })).toEqual([
      '10',
    ]);
  });

  it('IN finds objects associated with any of the ids', () => {
    expect(
      matching({ propertyName: 'associations.company', operator: 'IN', values: ['200', '300'] }),
    ).toEqual(['2', '10']);
  });

  it('NEQ and NOT_IN find objects associated with none of the ids', () => {
    expect(matching({ propertyName: 'associations.company', operator: 'NEQ', value: '100' })).toEqual([
      '2',
      '3',
      '4',
    ]);
    expect(
      matching({ propertyName: 'associations.company', operator: 'NOT_IN', values: ['100', '200'] }),
    ).toEqual(['3', '4']);
  });

  it('HAS_PROPERTY and NOT_HAS_PROPERTY ask whether any association of the type exists', () => {
    expect(matching({ propertyName: 'associations.contact', operator: 'HAS_PROPERTY' })).toEqual(['1']);
    expect(matching({ propertyName: 'associations.company', operator: 'NOT_HAS_PROPERTY' })).toEqual([
      '3',
      '4',
    ]);
  });

  it('combines with property filters', () => {
    expect(
      matching(
        { propertyName: 'associations.company', operator: 'EQ', value: '100' },
        { propertyName: 'rg_is_renewal', operator: 'EQ', value: 'false' },
      ),
    ).toEqual(['10']);
  });
});

describe('free-text query', () => {
  it('matches any searchable property containing the text, ignoring case', () => {
    expect(searchObjects(deals, { query: 'ACME' } as PublicObjectSearchRequest).ids).toEqual([
      '1',
      '3',
      '10',
    ]);
    expect(searchObjects(deals, { query: 'corp ren' } as PublicObjectSearchRequest).ids).toEqual(['1']);
  });

  it('is ANDed with the filters', () => {
    const request = {
      query: 'acme',
      filterGroups: [{ filters: [{ propertyName: 'rg_is_renewal', operator: 'EQ', value: 'true' }] }],
    } as PublicObjectSearchRequest;
    expect(searchObjects(deals, request).ids).toEqual(['1', '3']);
  });
});
