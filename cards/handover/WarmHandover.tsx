import { useState } from 'react';
import { Button, Flex, Heading, Select, Text } from '@hubspot/ui-extensions';
import type { HandoverView } from '#src/handover/card-contract';
import { describeFailure, type HandoverApi } from './api';
import { dayOf } from './dates';

export interface WarmHandoverProps {
  api: HandoverApi;
  csmOwners: HandoverView['csmOwners'];
  review: HandoverView['review'];
  onRecorded: (review: HandoverView['review']) => void;
}

/** Records the 15-minute AE→CSM walk-through of the artifact (DESIGN.md §3) and who the CSM is. */
export function WarmHandover({ api, csmOwners, review, onRecorded }: WarmHandoverProps) {
  const [ownerId, setOwnerId] = useState(review.csmOwnerId ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const owner = csmOwners.find((o) => o.id === review.csmOwnerId);

  async function record() {
    setBusy(true);
    setFailure(null);
    try {
      onRecorded(await api.recordReview(ownerId));
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex direction="column" gap="xs">
      <Heading>Warm handover</Heading>
      {review.reviewedAt ? (
        <Text testId="review-recorded">
          Walked through with {owner?.name ?? 'the CSM'} on {dayOf(review.reviewedAt)}.
        </Text>
      ) : (
        <Text variant="microcopy">
          Walk the CSM through this handover for 15 minutes, then record it here.
        </Text>
      )}
      <Select
        name="rg_csm_owner_id"
        label="CSM owner"
        placeholder="Choose the CSM who takes over"
        options={csmOwners.map((o) => ({ label: o.name, value: o.id }))}
        value={ownerId || undefined}
        onChange={(value) => setOwnerId(String(value))}
        error={failure !== null}
        validationMessage={failure ?? undefined}
      />
      <Button onClick={record} disabled={busy || ownerId === ''}>
        Record warm handover
      </Button>
    </Flex>
  );
}
