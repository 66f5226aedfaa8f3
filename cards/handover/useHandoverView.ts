import { useCallback, useEffect, useState } from 'react';
import type { HandoverView } from '#src/handover/card-contract';
import type { HandoverApi } from './api';

export type ViewState =
  { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'loaded'; view: HandoverView };

/** Loads the deal's handover once, and again on `reload`; `replace` takes a newer view from a save. */
export function useHandoverView(api: HandoverApi | null) {
  const [state, setState] = useState<ViewState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!api) return;
    let current = true;
    setState({ kind: 'loading' });
    api.load().then(
      (view) => current && setState({ kind: 'loaded', view }),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    // A late answer for an earlier deal or attempt must not overwrite the newer one.
    return () => {
      current = false;
    };
  }, [api, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((view: HandoverView) => setState({ kind: 'loaded', view }), []);
  return { state, reload, replace };
}
