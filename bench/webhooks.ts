import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LOCAL_HUBSPOT_ENV, startBackend } from '../local/backend.ts';
import type { LoadPlan, LoadResult } from './webhooks/load-generator.ts';
import { measuredOn, writeResultsSection } from './support/results.ts';

/**
 * `npm run bench -- webhooks [rates=200] [seconds=20] [events=100]`: the webhook endpoint's
 * latency under open-loop load of signed deliveries (`rates` a comma-separated list of deliveries
 * per second). Three processes, as in production three parties: the load generator (HubSpot), the
 * local backend serving functions/webhooks.ts as a Function URL, and the local DynamoDB and SQS
 * stand-ins (the webhook function's idempotency claims and its gate queue). Nothing consumes the
 * queue: this measures the endpoint alone.
 */
const RATES = (process.argv[2] ?? '200').split(',').map(Number);
const SECONDS = Number(process.argv[3] ?? 20);
const EVENTS = Number(process.argv[4] ?? 100);
const WARMUP_SECONDS = 3;
const here = dirname(fileURLToPath(import.meta.url));

function tsxProcess(file: string, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(here, 'webhooks', file), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new Error('the child process ended without output');
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const awsProcess = tsxProcess('local-aws-process.ts');
const { env: awsEnv } = JSON.parse(await firstLine(awsProcess)) as { env: Record<string, string> };
const backend = await startBackend({
  port: 0,
  env: { ...awsEnv, ...LOCAL_HUBSPOT_ENV, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  workers: {},
  schedules: {},
  log: (line) => console.error(line),
});

interface Row {
  rate: number;
  load: LoadResult;
  sorted: number[];
  cpu: { backend: number; aws: number; load: number };
}
const rows: Row[] = [];
let firstEventId = 1;
for (const rate of RATES) {
  const plan: LoadPlan = {
    url: `${backend.url}/webhooks/hubspot`,
    clientSecret: LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET,
    appId: Number(LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID),
    portalId: Number(LOCAL_HUBSPOT_ENV.HUBSPOT_PORTAL_ID),
    ratePerSecond: rate,
    warmupSeconds: WARMUP_SECONDS,
    seconds: SECONDS,
    eventsPerDelivery: EVENTS,
    firstEventId,
  };
  firstEventId += Math.ceil((WARMUP_SECONDS + SECONDS) * rate + 10) * EVENTS;
  console.error(`${rate} deliveries/s of ${EVENTS} events for ${WARMUP_SECONDS} + ${SECONDS} s …`);
  const generator = tsxProcess('load-generator.ts', [JSON.stringify(plan)]);
  const cpuBefore = { backend: process.cpuUsage(), aws: cpuSecondsOf(awsProcess.pid!) };
  const startedAt = performance.now();
  const load = JSON.parse(await firstLine(generator)) as LoadResult;
  const backendCpu = process.cpuUsage(cpuBefore.backend);
  const wall = (performance.now() - startedAt) / 1000;
  // The generator's own CPU, read as it finishes (a zombie keeps its /proc entry until reaped).
  let loadCpu = Number.NaN;
  try {
    loadCpu = cpuSecondsOf(generator.pid!);
  } catch {
    // It was reaped already: the column says n/a.
  }
  if (generator.exitCode === null && generator.signalCode === null) await once(generator, 'exit');
  rows.push({
    rate,
    load,
    sorted: [...load.latenciesMs].sort((a, b) => a - b),
    cpu: {
      backend: (backendCpu.user + backendCpu.system) / 1e6 / wall,
      aws: (cpuSecondsOf(awsProcess.pid!) - cpuBefore.aws) / wall,
      load: loadCpu / wall,
    },
  });
}
await backend.close();
awsProcess.kill('SIGTERM');

const ms = (value: number) => `${value.toFixed(1)} ms`;
const share = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : 'n/a');
const table = rows
  .map(({ rate, load, sorted, cpu }) => {
    const ok = load.statuses['200'] ?? 0;
    const other = Object.entries(load.statuses)
      .filter(([status]) => status !== '200')
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ');
    return `| ${rate} | ${load.achievedPerSecond.toFixed(0)} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${ok.toLocaleString('en')}${other ? ` (${other})` : ''} | ${share(cpu.backend)} / ${share(cpu.aws)} / ${share(cpu.load)} |`;
  })
  .join('\n');

const section = `<!-- webhooks:start -->
## Webhook endpoint (\`npm run bench -- webhooks\`)

Measured ${measuredOn()}. Open-loop load (latency counted from when each delivery was due) of signed deliveries of ${EVENTS} deal-stage changes each, every event new, so each is looked up in the DynamoDB event log (one BatchGetItem) and remembered there (BatchWriteItems of 25), and the delivery's gate checks go out as one SQS message; ${SECONDS} s measured after ${WARMUP_SECONDS} s of warm-up. Three processes on the machine's ${cpus().length} cores: the load generator, the local backend (functions/webhooks.ts as a Function URL) and the local DynamoDB (dynalite) and SQS (local-aws-sqs) stand-ins.

| deliveries / s offered | completed / s | p50 | p95 | p99 | max | 200s | CPU of one core: backend / DynamoDB + SQS / load |
|---|---|---|---|---|---|---|---|
${table}
<!-- webhooks:end -->`;

writeResultsSection('webhooks', section);
console.log(section);
process.exit(0);
