import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SandboxProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The sandbox in its own Node process (`npm run sandbox`), so the portal's memory is not counted as
 * the sync's and its request handling does not share the sync's event loop.
 */
export async function startSandboxProcess(options: {
  companies: number;
  rateLimit: number;
  seedNumber?: number;
}): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renewal-guard-bench-'));
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      join(ROOT, 'sandbox/main.ts'),
      '--port',
      '0',
      '--data',
      dataDir,
      '--seed',
      'demo',
      '--seed-number',
      String(options.seedNumber ?? 1),
      '--companies',
      String(options.companies),
      '--rate-limit',
      String(options.rateLimit),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await listeningUrl(child);
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the sandbox exited (${code}) before listening:\n${output}`)),
    );
  });
}
