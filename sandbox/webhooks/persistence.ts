import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webhookConfigSchema, withSubscriptionIds, type WebhookConfig } from './config';

const FILE_NAME = 'webhooks.json';

/** The saved configuration, re-validated so a hand-edited file fails loudly at start-up. */
export function loadWebhookConfig(dataDir: string): WebhookConfig | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return withSubscriptionIds(webhookConfigSchema.parse(JSON.parse(text)));
}

/** Saves (or, for undefined, removes) the configuration; written whole then renamed, so a crash leaves the old file. */
export function saveWebhookConfig(dataDir: string, config: WebhookConfig | undefined): void {
  const path = join(dataDir, FILE_NAME);
  if (!config) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(config, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
