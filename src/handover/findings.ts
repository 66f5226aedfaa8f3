import { dayNumber, dayToDate } from './calendar-date';
import { HANDOVER_FIELDS, NO_COMMITMENTS_MARKER, type HandoverProperty } from './fields';
import { collapsed, describeTextProblem, textProblem } from './real-text';
import type { HandoverArtifact } from './schema';

export const MIN_OUTCOME_CHARACTERS = 40;
export const MIN_COMMITMENTS_CHARACTERS = 20;
export const MAX_DAYS_FROM_CLOSE_TO_FIRST_VALUE = 365;

/** What the rules need beyond the five fields; the caller looks the champion up in the CRM. */
export interface HandoverContext {
  /** The deal's `createdate` (ISO datetime). */
  dealCreatedAt: string;
  /** The deal's `closedate`; when unknown, `today` stands in for it. */
  closeDate?: string | null;
  /** The contact named in `rg_champion_contact_id`, or null when no such contact exists. */
  champion?: { id: string; associatedWithDeal: boolean; email?: string | null; name?: string } | null;
  /** `YYYY-MM-DD` or an ISO datetime; defaults to the current date. */
  today?: string;
}

/** One field's verdict, in words an AE can act on. */
export interface HandoverFinding {
  property: HandoverProperty;
  label: string;
  ok: boolean;
  /** E.g. "Success criteria: no line has a number or date". */
  problem?: string;
  expected?: string;
  example?: string;
}

export interface HandoverSummary {
  complete: boolean;
  completedCount: number;
  total: 5;
  /** One problem a line; empty when complete. Written to `rg_handover_missing`. */
  missing: string;
}

type Verdict = { problem: string; expected: string; example: string } | null;

const label = (property: HandoverProperty) =>
  HANDOVER_FIELDS.find((f) => f.property === property)?.label ?? property;

const OUTCOME_EXAMPLE =
  'Close the books in 4 days instead of 10, so the CFO reports to the board by the 5th.';

function desiredOutcome(value: string | null): Verdict {
  const expected = `at least ${MIN_OUTCOME_CHARACTERS} characters saying, in the buyer's words, what they want to achieve`;
  const problem = textProblem(value);
  if (problem) return { problem: describeTextProblem(problem), expected, example: OUTCOME_EXAMPLE };
  const length = collapsed(value ?? '').length;
  if (length < MIN_OUTCOME_CHARACTERS) {
    return {
      problem: `${length} characters; at least ${MIN_OUTCOME_CHARACTERS} needed`,
      expected,
      example: OUTCOME_EXAMPLE,
    };
  }
  return null;
}

const MONTH =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;
/** "1.", "2)", "-", "*" or "•" opening a line is list markup, not a number the criterion holds. */
const LIST_MARKER = /^\s*(?:[-*•–]|\d{1,2}[.)])\s+/;

/** A measurable line holds a number, a percentage, an amount or a date (digits or a month name). */
export function isMeasurable(line: string): boolean {
  const body = line.replace(LIST_MARKER, '');
  if (textProblem(body) !== null) return false;
  return /\d/.test(body) || MONTH.test(body);
}

function successCriteria(value: string | null): Verdict {
  const expected = 'one criterion a line; at least one line with a number, percentage, amount or date';
  const example = 'Month-end close in ≤ 4 days by 2026-09-30\n90% of invoices matched automatically';
  const lines = (value ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { problem: 'empty', expected, example };
  if (!lines.some(isMeasurable)) return { problem: 'no line has a number or date', expected, example };
  return null;
}

function champion(value: string | null, context: HandoverContext): Verdict {
  const expected = 'a contact associated with this deal who has an email address';
  const example = 'Pick the buyer-side lead from the deal’s contacts, e.g. "Dana Ruiz (dana@acme.com)".';
  const found = context.champion;
  if (value === null) return { problem: 'not chosen', expected, example };
  if (!found || found.id !== value) return { problem: `contact ${value} does not exist`, expected, example };
  const who = found.name?.trim() || `contact ${value}`;
  if (!found.associatedWithDeal)
    return { problem: `${who} is not associated with this deal`, expected, example };
  if (!found.email?.trim()) return { problem: `${who} has no email address`, expected, example };
  return null;
}

function firstValueDate(value: string | null, context: HandoverContext): Verdict {
  const created = dayNumber(context.dealCreatedAt);
  const closeDay = context.closeDate ? dayNumber(context.closeDate) : null;
  const close = closeDay ?? dayNumber(context.today ?? new Date().toISOString()) ?? 0;
  const latest = close + MAX_DAYS_FROM_CLOSE_TO_FIRST_VALUE;
  const earliest = created === null ? null : created + 1;
  const range =
    earliest === null
      ? `no later than ${dayToDate(latest)}`
      : `between ${dayToDate(earliest)} and ${dayToDate(latest)}`;
  const expected = `a date after the deal was created and at most ${MAX_DAYS_FROM_CLOSE_TO_FIRST_VALUE} days after close: ${range}`;
  const example = dayToDate(Math.min(close + 90, latest));
  const day = value === null ? null : dayNumber(value);
  if (value === null) return { problem: 'not set', expected, example };
  if (day === null) return { problem: `"${value}" is not a date`, expected, example };
  if (earliest !== null && day < earliest) {
    return {
      problem: `${value} is not after the deal was created (${dayToDate(earliest - 1)})`,
      expected,
      example,
    };
  }
  if (day > latest) {
    const from = closeDay === null ? 'today (no close date yet)' : `close (${dayToDate(closeDay)})`;
    return {
      problem: `${value} is more than ${MAX_DAYS_FROM_CLOSE_TO_FIRST_VALUE} days after ${from}`,
      expected,
      example,
    };
  }
  return null;
}

function commitments(value: string | null): Verdict {
  const expected = `at least ${MIN_COMMITMENTS_CHARACTERS} characters on what was promised and what worries the buyer, or tick "No commitments were made"`;
  const example = 'Promised SSO by Q3; buyer worried about migrating 5 years of invoices.';
  if (value?.trim() === NO_COMMITMENTS_MARKER) return null;
  const problem = textProblem(value);
  if (problem) return { problem: describeTextProblem(problem), expected, example };
  const length = collapsed(value ?? '').length;
  if (length < MIN_COMMITMENTS_CHARACTERS) {
    return {
      problem: `${length} characters; at least ${MIN_COMMITMENTS_CHARACTERS} needed`,
      expected,
      example,
    };
  }
  return null;
}

/** The quality rules of the handover (DESIGN.md §1): one finding per field, in field order. */
export function handoverFindings(artifact: HandoverArtifact, context: HandoverContext): HandoverFinding[] {
  const verdicts: Record<HandoverProperty, Verdict> = {
    rg_desired_outcome: desiredOutcome(artifact.rg_desired_outcome),
    rg_success_criteria: successCriteria(artifact.rg_success_criteria),
    rg_champion_contact_id: champion(artifact.rg_champion_contact_id, context),
    rg_first_value_date: firstValueDate(artifact.rg_first_value_date, context),
    rg_commitments: commitments(artifact.rg_commitments),
  };
  return HANDOVER_FIELDS.map(({ property }) => {
    const verdict = verdicts[property];
    const name = label(property);
    if (verdict === null) return { property, label: name, ok: true };
    return { property, label: name, ok: false, ...verdict, problem: `${name}: ${verdict.problem}` };
  });
}

export function handoverSummary(findings: readonly HandoverFinding[]): HandoverSummary {
  const failing = findings.filter((f) => !f.ok);
  return {
    complete: failing.length === 0 && findings.length === HANDOVER_FIELDS.length,
    completedCount: findings.length - failing.length,
    total: 5,
    missing: failing.map((f) => f.problem).join('\n'),
  };
}
