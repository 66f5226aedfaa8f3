import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ModelStore, StoredRiskModel, SyncCursor, SyncCursorStore } from '#src/risk/sync/stores';

/** The CLI's stores: one JSON file each in a state directory, written atomically (temp file, rename). */
async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(value));
  await rename(temp, path);
}

export function fileRiskSyncStores(directory: string): { models: ModelStore; cursors: SyncCursorStore } {
  const modelPath = join(directory, 'risk-model.json');
  const cursorPath = join(directory, 'risk-sync-cursor.json');
  return {
    models: {
      load: () => readJson<StoredRiskModel>(modelPath),
      save: (model) => writeJson(modelPath, model),
    },
    cursors: {
      read: () => readJson<SyncCursor>(cursorPath),
      write: (cursor) => writeJson(cursorPath, cursor),
    },
  };
}
