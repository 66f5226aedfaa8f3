import { z } from 'zod';
import { calendarDate } from './calendar-date';
import { HANDOVER_FIELDS, type HandoverProperty } from './fields';

export { handoverFindings, handoverSummary } from './findings';
export type { HandoverContext, HandoverFinding, HandoverSummary } from './findings';

/** HubSpot's limit for a single-line or multi-line text property value. */
export const TEXT_LIMIT = 65_536;

/** A value the user left empty arrives as null, "" or whitespace; all mean "not filled". */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const text = (property: HandoverProperty) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: typeError(property, 'text') })
      .max(TEXT_LIMIT, { error: `at most ${TEXT_LIMIT.toLocaleString('en-US')} characters` })
      .nullable(),
  );

/**
 * The handover artifact as the card sends it and the gate reads it: the five fields keyed by their
 * deal property, each a string or null (not filled). This checks structure only; whether the
 * content is good enough is `handoverFindings`.
 */
export const handoverArtifactSchema = z.strictObject({
  rg_desired_outcome: text('rg_desired_outcome'),
  rg_success_criteria: text('rg_success_criteria'),
  rg_champion_contact_id: z.preprocess(
    blankToNull,
    z
      .string({ error: typeError('rg_champion_contact_id', 'a contact id') })
      .regex(/^\d{1,20}$/, { error: 'a contact id is digits only' })
      .nullable(),
  ),
  rg_first_value_date: z.preprocess(
    blankToNull,
    z.iso.date({ error: typeError('rg_first_value_date', 'a calendar date as YYYY-MM-DD') }).nullable(),
  ),
  rg_commitments: text('rg_commitments'),
});

export type HandoverArtifact = z.infer<typeof handoverArtifactSchema>;

/** What a field needs to be structurally valid, with a value that passes. */
const STRUCTURE: Record<HandoverProperty, { expected: string; example: string }> = {
  rg_desired_outcome: { expected: 'text or null', example: '"Close the books in 4 days instead of 10"' },
  rg_success_criteria: {
    expected: 'text or null, one criterion a line',
    example: '"Month-end close ≤ 4 days by 2026-09-30"',
  },
  rg_champion_contact_id: { expected: 'the id of a HubSpot contact (digits) or null', example: '"51"' },
  rg_first_value_date: { expected: 'a calendar date as YYYY-MM-DD, or null', example: '"2026-09-30"' },
  rg_commitments: {
    expected: 'text or null',
    example: '"Promised SSO by Q3; buyer worried about data migration"',
  },
};

function typeError(property: HandoverProperty, what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing: send ${STRUCTURE[property].expected}` : `expected ${what}`;
}

/** One structural problem with a submitted handover, named by field. */
export interface HandoverInputProblem {
  /** The property name, or the unknown key that was sent. */
  property: string;
  label: string;
  problem: string;
  expected: string;
  example: string;
}

/** A handover submission whose structure is wrong; each problem names its field. */
export class HandoverInputError extends Error {
  constructor(readonly problems: HandoverInputProblem[]) {
    super(`Handover not saved: ${problems.map((p) => p.problem).join('; ')}`);
    this.name = 'HandoverInputError';
  }
}

const labelOf = (property: string) => HANDOVER_FIELDS.find((f) => f.property === property)?.label;

/** Validates the structure of a submitted handover; throws `HandoverInputError` naming each bad field. */
export function parseHandoverInput(input: unknown): HandoverArtifact {
  const result = handoverArtifactSchema.safeParse(input);
  if (result.success) return result.data;
  throw new HandoverInputError(result.error.issues.flatMap(describeIssue));
}

function describeIssue(issue: z.core.$ZodIssue): HandoverInputProblem[] {
  if (issue.code === 'unrecognized_keys') {
    const known = HANDOVER_FIELDS.map((f) => f.property).join(', ');
    return issue.keys.map((key) => ({
      property: key,
      label: key,
      problem: `${key}: not a handover field`,
      expected: `only the five handover fields: ${known}`,
      example: '{ "rg_desired_outcome": "…", "rg_success_criteria": null, … }',
    }));
  }
  const property = issue.path[0];
  const label = typeof property === 'string' ? labelOf(property) : undefined;
  if (typeof property !== 'string' || label === undefined) {
    return [
      {
        property: '',
        label: 'Handover',
        problem: `Handover: ${issue.message}`,
        expected: 'an object with the five handover fields',
        example: '{ "rg_desired_outcome": "…", "rg_success_criteria": null, … }',
      },
    ];
  }
  const structure = STRUCTURE[property as HandoverProperty];
  return [{ property, label, problem: `${label}: ${issue.message}`, ...structure }];
}

/**
 * The artifact as stored on a deal. HubSpot returns unset properties as null, "" or not at all, and
 * dates sometimes as epoch milliseconds; anything unreadable counts as not filled.
 */
export function artifactFromProperties(
  properties: Readonly<Record<string, string | null | undefined>>,
): HandoverArtifact {
  const value = (name: HandoverProperty) => {
    const raw = properties[name];
    return raw === undefined || raw === null || raw.trim() === '' ? null : raw;
  };
  const champion = value('rg_champion_contact_id');
  const firstValue = value('rg_first_value_date');
  return {
    rg_desired_outcome: value('rg_desired_outcome'),
    rg_success_criteria: value('rg_success_criteria'),
    rg_champion_contact_id: champion !== null && /^\d+$/.test(champion.trim()) ? champion.trim() : null,
    rg_first_value_date: firstValue === null ? null : calendarDate(firstValue),
    rg_commitments: value('rg_commitments'),
  };
}
