import { Text } from '@hubspot/ui-extensions';
import type { HandoverFinding } from '#src/handover/findings';

/** Under a field: what the rule expects and an example that passes, while the field fails. */
export function FieldFinding({ finding }: { finding: HandoverFinding }) {
  if (finding.ok) {
    return (
      <Text variant="microcopy" testId={`finding-${finding.property}`}>
        ✓ {finding.label} is complete.
      </Text>
    );
  }
  return (
    <Text variant="microcopy" testId={`finding-${finding.property}`}>
      {finding.problem}. Expected: {finding.expected}. For example: {finding.example}
    </Text>
  );
}
