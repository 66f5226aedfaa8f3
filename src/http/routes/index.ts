import type { CardRoute } from '#src/http/card-api';

/** Every card API route; feature modules (e.g. `./handover.ts`) add theirs here. */
export const cardRoutes: readonly CardRoute[] = [];
