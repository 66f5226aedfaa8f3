import { useState } from 'react';
import { Button, Flex, Heading, TextArea } from '@hubspot/ui-extensions';
import { MIN_OVERRIDE_REASON_CHARACTERS as MIN_REASON_CHARACTERS } from '#src/handover/override';
import { describeFailure, type HandoverApi } from './api';

export interface GateOverrideProps {
  api: HandoverApi;
  onOverridden: (reason: string) => void;
}

/** RevOps lets a deal through without a complete handover, with a reason kept for audit. */
export function GateOverride({ api, onOverridden }: GateOverrideProps) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const length = reason.trim().length;

  async function override() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await api.overrideGate(reason.trim());
      onOverridden(result.reason);
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex direction="column" gap="xs">
      <Heading>Override the gate (RevOps)</Heading>
      <TextArea
        name="rg_gate_override_reason"
        label="Reason for the override"
        description={`At least ${MIN_REASON_CHARACTERS} characters; it is kept on the deal with an audit note (${length}/${MIN_REASON_CHARACTERS}).`}
        value={reason}
        onInput={setReason}
        error={failure !== null}
        validationMessage={failure ?? undefined}
      />
      <Button variant="destructive" onClick={override} disabled={busy || length < MIN_REASON_CHARACTERS}>
        Override gate
      </Button>
    </Flex>
  );
}
