import { Client } from '@hubspot/api-client';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '#sandbox/server';
import { APP_TOKEN } from '#sandbox/tokens';

/** A sandbox for one test file: a free port, in memory, rate limits off unless the test sets them. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, rateLimit: 0, ...options });
}

/** The unmodified HubSpot client pointed at the sandbox, acting as the token's actor (the app by default). */
export function clientFor(sandbox: RunningSandbox, token: string = APP_TOKEN): Client {
  return new Client({ accessToken: token, basePath: sandbox.url });
}
