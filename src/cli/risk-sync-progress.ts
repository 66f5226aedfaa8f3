import cliProgress from 'cli-progress';
import type { RiskSyncProgress } from '#src/risk/sync/summary';

export interface ProgressReporter {
  update(progress: RiskSyncProgress): void;
  stop(): void;
}

/**
 * A bar on a terminal (done/total, rate, ETA, calls, 429s); elsewhere (CI, logs, `npm start`)
 * a plain line every `everyMs`, and one when a phase ends, so logs stay readable.
 */
export function progressReporter(
  stream: NodeJS.WriteStream | NodeJS.WritableStream,
  everyMs = 5_000,
): ProgressReporter {
  if ('isTTY' in stream && stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          '{phase} [{bar}] {value}/{total} | {speed}/s | ETA {eta_formatted} | calls {calls} | 429s {rateLimited}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let phase = '';
    let phaseStart = Date.now();
    return {
      update(p) {
        if (p.phase !== phase) {
          if (phase) bar.stop();
          phase = p.phase;
          phaseStart = Date.now();
          bar.start(Math.max(p.total, 1), p.done, {
            phase: p.phase,
            speed: 0,
            calls: p.calls,
            rateLimited: 0,
          });
        }
        const seconds = Math.max((Date.now() - phaseStart) / 1000, 0.001);
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done, {
          phase: p.phase,
          speed: (p.done / seconds).toFixed(1),
          calls: p.calls,
          rateLimited: p.rateLimited,
        });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let phase = '';
  return {
    update(p) {
      const now = Date.now();
      const finished = p.total > 0 && p.done >= p.total;
      if (p.phase === phase && !finished && now - last < everyMs) return;
      if (p.phase === phase && finished && last === -1) return;
      phase = p.phase;
      last = finished ? -1 : now;
      stream.write(`risk sync: ${p.phase} ${p.done}/${p.total}, ${p.calls} calls, ${p.rateLimited} × 429\n`);
    },
    stop: () => undefined,
  };
}
