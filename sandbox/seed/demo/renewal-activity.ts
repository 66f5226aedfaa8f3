import type { SeedRecord } from '../records';
import { email, meeting } from './activity';
import { championAt, presentAt, type AccountContext } from './context';
import { RENEWAL_MEETING_TITLE, RENEWAL_SUBJECTS } from './phrases';
import type { RenewalRef } from './renewal-deals';
import { DAY_MS, duringWorkingHours } from './time';
import { touchRecords } from './touch';

const TOUCHES = { I: 14, A: 10, B: 7, C: 5, D: 3 } as const;

/**
 * Negotiation emails and meetings logged against each renewal deal in its last 75 days. Renewing
 * accounts negotiate far more — these follow from renewing rather than predict it, so a model
 * that does not leave out renewal-deal engagements (DESIGN.md §4) will look better than it is.
 */
export function* renewalActivityRecords(
  ctx: AccountContext,
  refs: readonly RenewalRef[],
): Generator<SeedRecord> {
  const { plan, random, now } = ctx;
  for (const ref of refs) {
    const from = ref.at - 75 * DAY_MS;
    const until = Math.min(ref.at, now, plan.activeUntil);
    if (until <= from) continue;
    const expected = TOUCHES[plan.segment.id] * (ref.renews ? 1 : 0.35) * ((until - from) / (75 * DAY_MS));
    for (let i = random.poisson(expected); i > 0; i--) {
      const at = Math.min(until - 3_600_000, duringWorkingHours(random.between(from, until), random.next()));
      const present = presentAt(ctx.people, at);
      const signer =
        random.chance(0.5) || present.length === 0 ? championAt(ctx.people, at) : random.pick(present);
      const kind = random.weighted(['out', 'in', 'meeting'] as const, [0.45, 0.25, 0.3]);
      const touch =
        kind === 'meeting'
          ? meeting(
              at,
              plan.csm.id,
              signer?.id,
              RENEWAL_MEETING_TITLE,
              random.chance(0.85) ? 'COMPLETED' : 'CANCELED',
            )
          : email(
              at,
              plan.csm.id,
              signer?.id,
              kind === 'in' ? 'INCOMING_EMAIL' : 'EMAIL',
              random.pick(RENEWAL_SUBJECTS),
            );
      yield* touchRecords(ctx, { ...touch, dealId: ref.dealId });
    }
  }
}
