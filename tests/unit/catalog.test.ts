import { describe, expect, it } from 'vitest';
import { HANDOVER_PROPERTIES } from '#src/handover/fields';
import { PROPERTY_CATALOG } from '#src/hubspot/catalog/index';

describe('property catalog', () => {
  it('holds every handover field as a deal property in the handover group', () => {
    const deal = PROPERTY_CATALOG.deals.properties;
    for (const name of HANDOVER_PROPERTIES) {
      expect(deal.find((p) => p.name === name)?.groupName).toBe('renewal_guard_handover');
    }
  });

  it('names every property once and only with the rg_ prefix', () => {
    const names = [...PROPERTY_CATALOG.deals.properties, ...PROPERTY_CATALOG.companies.properties].map(
      (p) => p.name,
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.startsWith('rg_'))).toBe(true);
  });

  it('gives every enumeration property options', () => {
    const all = [...PROPERTY_CATALOG.deals.properties, ...PROPERTY_CATALOG.companies.properties];
    for (const p of all.filter((p) => p.type === 'enumeration')) expect(p.options?.length).toBeGreaterThan(0);
  });
});
