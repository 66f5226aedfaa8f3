import { useMemo } from 'react';
import { Button, EmptyState, ErrorState, LoadingSpinner, Text, hubspot } from '@hubspot/ui-extensions';
import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import { BACKEND_URL_VARIABLE } from '#src/project/backend';
import { describeFailure, handoverApi } from './api';
import { HandoverEditor } from './HandoverEditor';
import { useHandoverView } from './useHandoverView';

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <HandoverCard context={context} actions={actions} />
));

export interface HandoverCardProps {
  context: ExtensionPointApiContext<'crm.record.tab'>;
  actions: ExtensionPointApiActions<'crm.record.tab'>;
}

/** The backend's base URL comes from the config profile the app was uploaded with. */
function backendUrl(context: HandoverCardProps['context']): string | null {
  const value = context.variables?.[BACKEND_URL_VARIABLE];
  return typeof value === 'string' && value.startsWith('https://') ? value.replace(/\/+$/, '') : null;
}

/** The handover card on a deal record (DESIGN.md §1): loads the deal's handover from the backend. */
export function HandoverCard({ context, actions }: HandoverCardProps) {
  const baseUrl = backendUrl(context);
  const dealId = context.crm.objectId ? String(context.crm.objectId) : null;
  const api = useMemo(() => (baseUrl && dealId ? handoverApi(baseUrl, dealId) : null), [baseUrl, dealId]);
  const { state, reload, replace } = useHandoverView(api);

  if (!baseUrl) {
    return (
      <ErrorState title="Renewal Guard is not set up" type="support">
        <Text>
          The app was uploaded without the {BACKEND_URL_VARIABLE} profile variable, so the card does not know
          where its backend is. Ask your HubSpot admin to upload it with its config profile.
        </Text>
      </ErrorState>
    );
  }
  if (!api) {
    return (
      <EmptyState title="No deal to hand over" imageName="deals">
        <Text>Open a deal record to fill its handover.</Text>
      </EmptyState>
    );
  }
  switch (state.kind) {
    case 'loading':
      return <LoadingSpinner label="Loading the handover" layout="centered" />;
    case 'failed':
      return (
        <ErrorState title="The handover could not be loaded">
          <Text>{describeFailure(state.error)}</Text>
          <Button onClick={reload}>Try again</Button>
        </ErrorState>
      );
    case 'loaded':
      return <HandoverEditor view={state.view} api={api} actions={actions} onViewChange={replace} />;
  }
}
