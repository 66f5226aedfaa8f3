import { describe, expect, it } from 'vitest';
import { NO_COMMITMENTS_MARKER } from '#src/handover/fields';
import {
  handoverFindings,
  handoverSummary,
  type HandoverArtifact,
  type HandoverContext,
} from '#src/handover/schema';

const complete: HandoverArtifact = {
  rg_desired_outcome: 'Close the books in 4 days instead of 10, so the CFO reports to the board by the 5th.',
  rg_success_criteria: 'Month-end close in 4 days\nFinance team happier',
  rg_champion_contact_id: '51',
  rg_first_value_date: '2026-09-30',
  rg_commitments: 'Promised SSO by Q3; buyer worried about data migration.',
};

const context: HandoverContext = {
  dealCreatedAt: '2026-03-10T14:00:00.000Z',
  closeDate: '2026-06-30T00:00:00.000Z',
  champion: { id: '51', associatedWithDeal: true, email: 'dana@acme.example', name: 'Dana Ruiz' },
  today: '2026-06-01',
};

function finding(artifact: Partial<HandoverArtifact>, ctx: Partial<HandoverContext> = {}, property?: string) {
  const all = handoverFindings({ ...complete, ...artifact }, { ...context, ...ctx });
  const changed = property ?? Object.keys(artifact)[0];
  const found = all.find((f) => f.property === changed);
  if (!found) throw new Error(`no finding for ${changed}`);
  return found;
}

describe('a complete handover', () => {
  it('passes all five fields, in field order', () => {
    const findings = handoverFindings(complete, context);
    expect(findings.map((f) => [f.property, f.ok])).toEqual([
      ['rg_desired_outcome', true],
      ['rg_success_criteria', true],
      ['rg_champion_contact_id', true],
      ['rg_first_value_date', true],
      ['rg_commitments', true],
    ]);
    expect(handoverSummary(findings)).toEqual({ complete: true, completedCount: 5, total: 5, missing: '' });
  });
});

describe('desired outcome', () => {
  it('needs at least 40 characters of real text', () => {
    expect(finding({ rg_desired_outcome: 'Cut close from ten days to four days now' }).ok).toBe(true);
    const short = finding({ rg_desired_outcome: 'Cut close from ten days to four days no' });
    expect(short.ok).toBe(false);
    expect(short.problem).toBe('Desired outcome: 39 characters; at least 40 needed');
    expect(short.expected).toMatch(/40 characters/);
    expect(short.example?.length).toBeGreaterThanOrEqual(40);
  });

  it('does not count padding whitespace towards the 40 characters', () => {
    expect(
      finding({ rg_desired_outcome: `   Faster close      for     finance   ${' '.repeat(30)}` }).ok,
    ).toBe(false);
  });

  it('is missing when empty', () => {
    expect(finding({ rg_desired_outcome: null }).problem).toBe('Desired outcome: empty');
    expect(finding({ rg_desired_outcome: '   ' }).problem).toBe('Desired outcome: empty');
  });

  it.each([
    'tbd',
    'TBD',
    'n/a',
    'N/A.',
    'na',
    '-',
    '--',
    '?',
    '???',
    'see notes',
    'See notes!',
    'todo',
    'TBA',
    'none',
    ' tbd. ',
  ])('rejects the placeholder %j', (placeholder) => {
    const result = finding({ rg_desired_outcome: placeholder });
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/is a placeholder|^Desired outcome: empty$/);
  });

  it('rejects a placeholder padded to length', () => {
    expect(finding({ rg_desired_outcome: 'TBD - TBD - TBD - TBD - TBD - TBD - TBD - TBD' }).problem).toMatch(
      /placeholder/,
    );
    expect(finding({ rg_desired_outcome: '-------------------------------------------------' }).ok).toBe(
      false,
    );
  });

  it('rejects text that is mostly one repeated character', () => {
    const result = finding({ rg_desired_outcome: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(result.problem).toBe('Desired outcome: not real text (mostly one repeated character or no words)');
    expect(finding({ rg_desired_outcome: 'x x x x x x x x x x x x x x x x x x x x x x x x' }).ok).toBe(false);
  });

  it('rejects text without any words', () => {
    expect(finding({ rg_desired_outcome: '1234567890 1234567890 1234567890 1234567890' }).ok).toBe(false);
  });

  it('accepts a real sentence that starts with a placeholder word', () => {
    expect(
      finding({ rg_desired_outcome: 'None of their invoices should need manual matching after go-live' }).ok,
    ).toBe(true);
  });
});

describe('success criteria', () => {
  it.each([
    ['a number', 'Close in 4 days'],
    ['a percentage', '95% of invoices matched automatically'],
    ['an amount', 'Save $40k a year on audit fees'],
    ['a date', 'Live by 2026-09-30'],
    ['a month name', 'All entities live by end of September'],
  ])('passes with a line holding %s', (_kind, line) => {
    expect(finding({ rg_success_criteria: `Happier finance team\n${line}` }).ok).toBe(true);
  });

  it('fails when no line has a number or date', () => {
    const result = finding({ rg_success_criteria: 'Happier finance team\nBetter reporting' });
    expect(result.problem).toBe('Success criteria: no line has a number or date');
    expect(result.example).toMatch(/\d/);
  });

  it('does not take list numbering for a number', () => {
    expect(finding({ rg_success_criteria: '1. Happier finance team\n2) Better reporting' }).ok).toBe(false);
    expect(finding({ rg_success_criteria: '1. Close in 4 days' }).ok).toBe(true);
  });

  it('does not count a placeholder line that holds a digit', () => {
    expect(finding({ rg_success_criteria: '???\n-1-' }).ok).toBe(false);
  });

  it('is empty when blank', () => {
    expect(finding({ rg_success_criteria: null }).problem).toBe('Success criteria: empty');
    expect(finding({ rg_success_criteria: '\n  \n' }).problem).toBe('Success criteria: empty');
  });
});

describe('champion', () => {
  it('must be chosen', () => {
    expect(finding({ rg_champion_contact_id: null }).problem).toBe('Champion: not chosen');
  });

  it('must exist', () => {
    expect(finding({ rg_champion_contact_id: '77' }, { champion: null }).problem).toBe(
      'Champion: contact 77 does not exist',
    );
    expect(finding({ rg_champion_contact_id: '77' }, { champion: undefined }).ok).toBe(false);
  });

  it('must be the contact that was looked up', () => {
    expect(finding({ rg_champion_contact_id: '77' }).problem).toBe('Champion: contact 77 does not exist');
  });

  it('must be associated with the deal', () => {
    const result = finding(
      {},
      { champion: { ...context.champion!, associatedWithDeal: false } },
      'rg_champion_contact_id',
    );
    expect(result.problem).toBe('Champion: Dana Ruiz is not associated with this deal');
  });

  it('must have an email address', () => {
    const noEmail = { id: '51', associatedWithDeal: true, email: ' ' };
    expect(finding({}, { champion: noEmail }, 'rg_champion_contact_id').problem).toBe(
      'Champion: contact 51 has no email address',
    );
    expect(finding({}, { champion: { ...noEmail, email: null } }, 'rg_champion_contact_id').ok).toBe(false);
  });
});

describe('first-value date', () => {
  it('must be after the day the deal was created', () => {
    expect(finding({ rg_first_value_date: '2026-03-11' }).ok).toBe(true);
    const sameDay = finding({ rg_first_value_date: '2026-03-10' });
    expect(sameDay.problem).toBe(
      'First-value date: 2026-03-10 is not after the deal was created (2026-03-10)',
    );
    expect(sameDay.expected).toContain('between 2026-03-11 and 2027-06-30');
  });

  it('may be at most 365 days after the close date', () => {
    expect(finding({ rg_first_value_date: '2027-06-30' }).ok).toBe(true);
    expect(finding({ rg_first_value_date: '2027-07-01' }).problem).toBe(
      'First-value date: 2027-07-01 is more than 365 days after close (2026-06-30)',
    );
  });

  it('counts from today when the deal has no close date yet', () => {
    expect(finding({ rg_first_value_date: '2027-06-01' }, { closeDate: null }).ok).toBe(true);
    expect(finding({ rg_first_value_date: '2027-06-02' }, { closeDate: null }).problem).toBe(
      'First-value date: 2027-06-02 is more than 365 days after today (no close date yet)',
    );
  });

  it('reads a close date given as epoch milliseconds', () => {
    const close = String(Date.UTC(2026, 5, 30));
    expect(finding({ rg_first_value_date: '2027-06-30' }, { closeDate: close }).ok).toBe(true);
    expect(finding({ rg_first_value_date: '2027-07-01' }, { closeDate: close }).ok).toBe(false);
  });

  it('must be set and be a real date', () => {
    expect(finding({ rg_first_value_date: null }).problem).toBe('First-value date: not set');
    expect(finding({ rg_first_value_date: '2026-02-30' }).problem).toBe(
      'First-value date: "2026-02-30" is not a date',
    );
  });

  it('suggests an example inside the allowed range', () => {
    const example = finding({ rg_first_value_date: null }).example;
    expect(finding({ rg_first_value_date: example ?? null }).ok).toBe(true);
  });
});

describe('commitments and risks', () => {
  it('needs at least 20 characters', () => {
    expect(finding({ rg_commitments: 'Promised SSO by Q3.' }).problem).toBe(
      'Commitments & risks: 19 characters; at least 20 needed',
    );
    expect(finding({ rg_commitments: 'Promised SSO by Q3!!' }).ok).toBe(true);
  });

  it('accepts the marker the card writes when no commitments were made', () => {
    expect(finding({ rg_commitments: NO_COMMITMENTS_MARKER }).ok).toBe(true);
  });

  it('rejects a typed "none" and points to the checkbox', () => {
    const result = finding({ rg_commitments: 'none' });
    expect(result.problem).toBe('Commitments & risks: "none" is a placeholder, not an answer');
    expect(result.expected).toContain('No commitments were made');
  });
});

describe('handover summary', () => {
  it('lists what is missing one problem a line, for rg_handover_missing', () => {
    const findings = handoverFindings(
      { ...complete, rg_success_criteria: 'Better reporting', rg_champion_contact_id: null },
      context,
    );
    expect(handoverSummary(findings)).toEqual({
      complete: false,
      completedCount: 3,
      total: 5,
      missing: 'Success criteria: no line has a number or date\nChampion: not chosen',
    });
  });

  it('is not complete without all five findings', () => {
    expect(handoverSummary([]).complete).toBe(false);
  });
});
