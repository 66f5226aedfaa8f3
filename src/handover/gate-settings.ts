import { z } from 'zod';
import type { Team } from '#src/crm/records';
import { GATE_POLICIES, type GatePolicy } from './fields';

const policy = z.enum(GATE_POLICIES, { error: `expected one of ${GATE_POLICIES.join(', ')}` });
const ownerId = z.string().regex(/^\d+$/, { error: 'expected an owner id (digits), e.g. "1234567"' });

/** A portal's gate settings (DESIGN.md §2). Every setting has a default, so `{}` is a valid portal. */
export const gateSettingsSchema = z.strictObject({
  /** The policy of pipelines not listed in `pipelinePolicies`. */
  defaultPolicy: policy.default('block'),
  /** Policy per pipeline id; overrides the default and the renewal exemption. */
  pipelinePolicies: z.record(z.string().min(1), policy).default({}),
  /** Renewal pipelines: deals there were handed over at the first sale, so the gate is off unless listed above. */
  renewalPipelineIds: z.array(z.string().min(1)).default([]),
  /** Renewal deals by `dealtype`, in any pipeline: HubSpot's own "Existing Business" by default. */
  renewalDealTypes: z.array(z.string().min(1)).default(['existingbusiness']),
  revops: z
    .strictObject({
      userIds: z.array(z.int().positive({ error: 'expected a HubSpot user id, e.g. 2034567' })).default([]),
      teamIds: z.array(z.string().min(1)).default([]),
      /** Used only when no user or team ids are configured. */
      teamNames: z.array(z.string().min(1)).default(['RevOps']),
    })
    .default({ userIds: [], teamIds: [], teamNames: ['RevOps'] }),
  /** Who gets the task when a flagged deal needs RevOps' attention; unassigned if absent. */
  revopsTaskOwnerId: ownerId.optional(),
  /** A HubSpot task queue for RevOps. */
  revopsQueueId: z.string().regex(/^\d+$/, { error: 'expected a task queue id (digits)' }).optional(),
  ownerTaskDueInDays: z.int().min(0).max(30).default(1),
  /**
   * When the gate started to enforce (ISO datetime): a deal that entered its won stage before then
   * was won before Renewal Guard was installed and is left alone, as its history is not the AE's
   * to redo. Recorded the first time the portal's settings are loaded (`loadGateSettings`).
   */
  enforcedSince: z.iso
    .datetime({ offset: true, error: 'expected an ISO datetime, e.g. "2026-12-01T09:00:00Z"' })
    .optional(),
  /** A won deal whose gate was checked longer ago than this is checked again by the sweep. */
  recheckAfterHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
});

export type GateSettings = z.output<typeof gateSettingsSchema>;
export type GateSettingsInput = z.input<typeof gateSettingsSchema>;

/** Gate settings that do not parse; the message names each bad setting. */
export class GateSettingsError extends Error {
  constructor(readonly problems: { setting: string; problem: string }[]) {
    super(`Invalid gate settings: ${problems.map((p) => `${p.setting}: ${p.problem}`).join('; ')}`);
    this.name = 'GateSettingsError';
  }
}

export function parseGateSettings(input: unknown): GateSettings {
  const result = gateSettingsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new GateSettingsError(
    result.error.issues.map((issue) => ({
      setting:
        issue.code === 'unrecognized_keys'
          ? [...issue.path, ...issue.keys].join('.')
          : issue.path.map(String).join('.') || '(settings)',
      problem: issue.code === 'unrecognized_keys' ? 'not a gate setting' : issue.message,
    })),
  );
}

/** The policy of a deal; without `dealType` (e.g. per pipeline in the sweep) only the pipeline decides. */
export function policyFor(settings: GateSettings, pipelineId: string, dealType?: string | null): GatePolicy {
  const explicit = settings.pipelinePolicies[pipelineId];
  if (explicit) return explicit;
  const renewal =
    settings.renewalPipelineIds.includes(pipelineId) ||
    (!!dealType && settings.renewalDealTypes.includes(dealType));
  return renewal ? 'off' : settings.defaultPolicy;
}

/** RevOps are the configured users and teams; with none configured, the members of a team named "RevOps". */
export function isRevOps(user: { userId: number; teams: readonly Team[] }, settings: GateSettings): boolean {
  const { userIds, teamIds, teamNames } = settings.revops;
  if (userIds.length > 0 || teamIds.length > 0) {
    return userIds.includes(user.userId) || user.teams.some((t) => teamIds.includes(t.id));
  }
  const names = teamNames.map((n) => n.trim().toLowerCase());
  return user.teams.some((t) => names.includes(t.name.trim().toLowerCase()));
}
