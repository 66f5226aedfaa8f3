import { Flex, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import type { HandoverView } from '#src/handover/card-contract';
import type { GateStatus } from '#src/handover/fields';
import type { HandoverSummary } from '#src/handover/findings';
import { dayOf } from './dates';

type StatusVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

const GATE_LABELS: Record<GateStatus, { text: string; variant: StatusVariant }> = {
  clear: { text: 'Gate: clear', variant: 'success' },
  blocked: { text: 'Gate: blocked', variant: 'danger' },
  flagged: { text: 'Gate: flagged', variant: 'warning' },
  overridden: { text: 'Gate: overridden', variant: 'info' },
};

const POLICY_LABELS: Record<HandoverView['gate']['policy'], string> = {
  block: 'This pipeline blocks closed-won deals without a complete handover.',
  flag: 'This pipeline flags closed-won deals without a complete handover to RevOps.',
  off: 'The closed-won gate is off for this pipeline.',
};

/** Completeness as the AE types (x/5), and the gate's last decision with what to do next. */
export function GateSummary({ summary, gate }: { summary: HandoverSummary; gate: HandoverView['gate'] }) {
  const label = gate.status
    ? GATE_LABELS[gate.status]
    : { text: 'Gate: not checked yet', variant: 'default' as const };
  return (
    <Flex direction="column" gap="xs">
      <ProgressBar
        title="Handover completeness"
        value={summary.completedCount}
        maxValue={summary.total}
        valueDescription={`${summary.completedCount}/${summary.total} complete`}
        variant={summary.complete ? 'success' : 'warning'}
      />
      <Flex direction="row" gap="sm" align="center">
        <StatusTag variant={label.variant} testId="gate-status">
          {label.text}
        </StatusTag>
        {gate.checkedAt ? <Text variant="microcopy">checked {dayOf(gate.checkedAt)}</Text> : null}
      </Flex>
      <Text testId="gate-next-step">{gate.nextStep}</Text>
      {gate.overrideReason ? <Text variant="microcopy">Override reason: {gate.overrideReason}</Text> : null}
      <Text variant="microcopy">{POLICY_LABELS[gate.policy]}</Text>
    </Flex>
  );
}
