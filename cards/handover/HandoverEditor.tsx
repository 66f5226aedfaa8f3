import { useMemo, useState } from 'react';
import { Alert, Divider, Flex, Heading, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { ExtensionPointApiActions } from '@hubspot/ui-extensions';
import type { HandoverFields as Fields, HandoverView } from '#src/handover/card-contract';
import type { HandoverProperty } from '#src/handover/fields';
import { handoverSummary, type HandoverFinding } from '#src/handover/findings';
import { CardApiError, describeFailure, type HandoverApi } from './api';
import { GateOverride } from './GateOverride';
import { GateSummary } from './GateSummary';
import { HandoverFields } from './HandoverFields';
import { liveFindings } from './liveFindings';
import { WarmHandover } from './WarmHandover';

export interface HandoverEditorProps {
  view: HandoverView;
  api: HandoverApi;
  actions: ExtensionPointApiActions<'crm.record.tab'>;
  onViewChange: (view: HandoverView) => void;
}

type Rejections = Partial<Record<HandoverProperty, HandoverFinding>>;

const OVERRIDABLE = new Set(['blocked', 'flagged']);

/** The loaded handover: the five fields with their findings, save, warm handover and override. */
export function HandoverEditor({ view, api, actions, onViewChange }: HandoverEditorProps) {
  const [fields, setFields] = useState<Fields>(view.fields);
  const [rejections, setRejections] = useState<Rejections>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const live = useMemo(() => liveFindings(fields, view), [fields, view]);
  const findings = { ...live, ...rejections };
  const summary = handoverSummary(Object.values(live));
  const empty = Object.values(view.fields).every((value) => value === null);

  function edit(property: HandoverProperty, value: string | null) {
    setFields((current) => ({ ...current, [property]: value === '' ? null : value }));
    // The server's verdict on the old value no longer applies once the AE changes it.
    setRejections(({ [property]: _stale, ...rest }) => rest);
  }

  async function save() {
    setSaving(true);
    setFailure(null);
    try {
      const saved = await api.save(fields);
      setFields(saved.fields);
      setRejections({});
      onViewChange(saved);
      actions.refreshObjectProperties();
    } catch (error) {
      if (error instanceof CardApiError && error.status === 400) {
        setRejections(Object.fromEntries(error.findings.filter((f) => !f.ok).map((f) => [f.property, f])));
      }
      setFailure(describeFailure(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex direction="column" gap="md">
      <Heading>
        Handover for {view.deal.name} ({view.deal.stageLabel})
      </Heading>
      {empty ? (
        <Alert title="No handover yet" variant="info">
          Fill these five fields before the deal closes: Customer Success inherits them word for word.
        </Alert>
      ) : null}
      <GateSummary summary={summary} gate={view.gate} />
      <Divider />
      <HandoverFields fields={fields} findings={findings} contacts={view.contacts} onEdit={edit} />
      {failure ? (
        <Alert title="Handover not saved" variant="danger">
          {failure}
        </Alert>
      ) : null}
      <Flex direction="row" gap="sm" align="center">
        <LoadingButton variant="primary" loading={saving} onClick={save}>
          Save handover
        </LoadingButton>
        <Text variant="microcopy">Saving checks the deal against the closed-won gate again.</Text>
      </Flex>
      <Divider />
      <WarmHandover
        api={api}
        csmOwners={view.csmOwners}
        review={view.review}
        onRecorded={(review) => onViewChange({ ...view, review })}
      />
      {view.viewer.canOverride && view.gate.status !== null && OVERRIDABLE.has(view.gate.status) ? (
        <>
          <Divider />
          <GateOverride
            api={api}
            onOverridden={(reason) =>
              onViewChange({ ...view, gate: { ...view.gate, status: 'overridden', overrideReason: reason } })
            }
          />
        </>
      ) : null}
    </Flex>
  );
}
