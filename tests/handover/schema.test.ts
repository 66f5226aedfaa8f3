import { describe, expect, it } from 'vitest';
import {
  artifactFromProperties,
  HandoverInputError,
  parseHandoverInput,
  TEXT_LIMIT,
  type HandoverArtifact,
} from '#src/handover/schema';

const valid: HandoverArtifact = {
  rg_desired_outcome: 'Close the books in 4 days instead of 10',
  rg_success_criteria: 'Close in 4 days',
  rg_champion_contact_id: '51',
  rg_first_value_date: '2026-09-30',
  rg_commitments: null,
};

function problemsOf(input: unknown) {
  try {
    parseHandoverInput(input);
  } catch (error) {
    if (error instanceof HandoverInputError) return error.problems;
    throw error;
  }
  throw new Error('expected the handover to be rejected');
}

describe('saving a handover checks its structure', () => {
  it('accepts the five fields, each text or null', () => {
    expect(parseHandoverInput(valid)).toEqual(valid);
  });

  it('treats blank values as not filled', () => {
    expect(
      parseHandoverInput({
        ...valid,
        rg_champion_contact_id: '',
        rg_first_value_date: ' ',
        rg_commitments: '  ',
      }),
    ).toEqual({
      ...valid,
      rg_champion_contact_id: null,
      rg_first_value_date: null,
      rg_commitments: null,
    });
  });

  it('names a champion that is not a contact id, with an example that passes', () => {
    const [problem, ...rest] = problemsOf({ ...valid, rg_champion_contact_id: 'dana@acme.example' });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      property: 'rg_champion_contact_id',
      label: 'Champion',
      problem: 'Champion: a contact id is digits only',
      example: '"51"',
    });
    expect(
      parseHandoverInput({ ...valid, rg_champion_contact_id: JSON.parse(problem!.example) }),
    ).toBeTruthy();
  });

  it.each(['30/09/2026', '2026-9-30', '2026-02-30', '2026-09-30T00:00:00Z'])(
    'rejects the date %j',
    (date) => {
      const [problem] = problemsOf({ ...valid, rg_first_value_date: date });
      expect(problem?.problem).toBe('First-value date: expected a calendar date as YYYY-MM-DD');
      expect(problem?.example).toBe('"2026-09-30"');
    },
  );

  it('rejects text over HubSpot’s limit of 65,536 characters', () => {
    expect(
      parseHandoverInput({ ...valid, rg_commitments: 'a'.repeat(TEXT_LIMIT) }).rg_commitments,
    ).toHaveLength(TEXT_LIMIT);
    const [problem] = problemsOf({ ...valid, rg_commitments: 'a'.repeat(TEXT_LIMIT + 1) });
    expect(problem?.problem).toBe('Commitments & risks: at most 65,536 characters');
  });

  it('rejects a number where text belongs', () => {
    expect(problemsOf({ ...valid, rg_desired_outcome: 42 })[0]?.problem).toBe(
      'Desired outcome: expected text',
    );
  });

  it('requires every field, so a partial save cannot clear the others by accident', () => {
    const { rg_success_criteria: _omitted, ...partial } = valid;
    const [problem] = problemsOf(partial);
    expect(problem?.property).toBe('rg_success_criteria');
    expect(problem?.problem).toBe('Success criteria: missing: send text or null, one criterion a line');
  });

  it('names a key that is not a handover field', () => {
    const [problem] = problemsOf({ ...valid, dealstage: 'closedwon' });
    expect(problem).toMatchObject({ property: 'dealstage', problem: 'dealstage: not a handover field' });
  });

  it('reports every bad field at once', () => {
    const problems = problemsOf({ ...valid, rg_champion_contact_id: 'x', rg_first_value_date: 'soon' });
    expect(problems.map((p) => p.property)).toEqual(['rg_champion_contact_id', 'rg_first_value_date']);
  });

  it('rejects something that is not an object', () => {
    expect(problemsOf('tbd')[0]?.label).toBe('Handover');
  });
});

describe('reading the handover from deal properties', () => {
  it('turns unset values into null and dates into YYYY-MM-DD', () => {
    expect(
      artifactFromProperties({
        rg_desired_outcome: 'Close faster',
        rg_success_criteria: '',
        rg_first_value_date: String(Date.UTC(2026, 8, 30)),
        rg_commitments: null,
      }),
    ).toEqual({
      rg_desired_outcome: 'Close faster',
      rg_success_criteria: null,
      rg_champion_contact_id: null,
      rg_first_value_date: '2026-09-30',
      rg_commitments: null,
    });
  });

  it('drops a champion id that is not a contact id', () => {
    expect(artifactFromProperties({ rg_champion_contact_id: 'dana' }).rg_champion_contact_id).toBeNull();
  });
});
