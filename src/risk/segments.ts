import type { RiskSettings } from './settings';
import { DEFAULT_SEGMENTS } from './tiers';

/** The pool of accounts whose segment is unknown: scored with the global baseline and model. */
export const GLOBAL_SEGMENT = 'all';

export interface SegmentAssignment {
  segment: string;
  /** Why the company is not in the segment its property names, in plain words; null when it is. */
  fallbackReason: string | null;
}

/** The default ARR segment (DEFAULT_SEGMENTS), or null when ARR is unknown. */
export function arrSegment(arr: number | null): string | null {
  if (arr === null || !Number.isFinite(arr)) return null;
  return DEFAULT_SEGMENTS.find((s) => arr >= s.minArr)?.id ?? null;
}

/**
 * The company's segment: the configured property's value, else its ARR segment.
 * An empty or unknown property value falls back to the ARR segment (or the global pool when the
 * settings say so, or when ARR is unknown too); the reason says which and why.
 */
export function assignSegment(
  company: { arr: number | null; segmentValue?: string | null },
  settings: Pick<RiskSettings, 'segments'>,
): SegmentAssignment {
  const { property, fallback, values } = settings.segments;
  const byArr = arrSegment(company.arr);
  if (!property) {
    return byArr
      ? { segment: byArr, fallbackReason: null }
      : { segment: GLOBAL_SEGMENT, fallbackReason: 'no ARR: scored against all accounts' };
  }
  const value = company.segmentValue?.trim() ?? '';
  if (value !== '' && (values.length === 0 || values.includes(value)))
    return { segment: value, fallbackReason: null };
  const problem = value === '' ? `${property} is empty` : `${property} "${value}" is not a known segment`;
  if (fallback === 'arr' && byArr)
    return { segment: byArr, fallbackReason: `${problem}: used the ARR segment ${byArr}` };
  return { segment: GLOBAL_SEGMENT, fallbackReason: `${problem}: scored against all accounts` };
}
