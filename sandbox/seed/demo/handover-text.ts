/**
 * Phrase banks for handover artifacts: what AEs really write, good and bad. Outcomes are ≥ 40
 * characters, every criterion holds a number or date, commitments are ≥ 20 characters — the
 * rules of DESIGN.md §1 — while the weak bank holds what those rules reject.
 */
export const OUTCOMES = [
  'Close the books in 4 days instead of 10 so finance can forecast weekly',
  'Give every regional manager one live view of renewals instead of spreadsheets',
  'Cut onboarding time for new store staff from three weeks to one',
  'Stop losing customers at renewal because nobody saw the warning signs',
  'Replace three legacy tools with one system the support team actually uses',
  'Answer most customer questions on the first reply without escalation',
  'Plan shifts a month ahead without overtime surprises for the ops team',
  'Send quotes the same day a request comes in, not after a week',
];

export const CRITERIA = [
  'Month-end close in 4 working days by the end of Q2',
  '90% of managers log in weekly by day 60',
  'Onboarding under 7 days for 3 cohorts in a row',
  'First-reply resolution at 80% within 90 days',
  'Legacy tools switched off by month 4',
  'Quote turnaround under 24 hours for 95% of requests',
  'Overtime hours down 15% against last year',
  'Forecast accuracy within 5% by the second quarter',
];

export const COMMITMENTS = [
  'SSO with Okta before go-live; weekly check-ins during onboarding',
  'Salesforce migration help from our services team, 20 hours included',
  'Buyer worried about adoption in field teams; we promised on-site training',
  'Price held for two years if they expand to the EU entity',
  'Custom CFO report delivered before the first QBR',
];

/** What the gate rejects: placeholders, outcomes too short, criteria with nothing to measure. */
export const PLACEHOLDERS = ['tbd', 'TBD', 'n/a', '-', 'see notes', 'todo', '?'];
export const WEAK_OUTCOMES = ['Better reporting', 'Save time', 'Wants the new dashboard'];
export const WEAK_CRITERIA = ['Team is happy with the tool', 'Adoption goes well\nUsers like it'];
