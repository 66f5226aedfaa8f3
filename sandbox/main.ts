import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from './server.ts';
import { todayUtc } from './seed/choose.ts';
import { SANDBOX_TOKENS, UI_TOKEN_PREFIX } from './tokens.ts';

/** `npm run sandbox -- --port 4010 --data <dir> --seed demo|empty --seed-number N --companies N --as-of YYYY-MM-DD --rate-limit N` */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: join(tmpdir(), 'renewal-guard-sandbox') },
    seed: { type: 'string', default: 'demo' },
    'seed-number': { type: 'string', default: '1' },
    'as-of': { type: 'string', default: todayUtc() },
    companies: { type: 'string', default: '2000' },
    'rate-limit': { type: 'string', default: '190' },
    'portal-id': { type: 'string', default: '12345678' },
    log: { type: 'boolean', default: false },
  },
});

function integer(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer, found ${raw}`);
    process.exit(2);
  }
  return value;
}

if (values.seed !== 'demo' && values.seed !== 'empty') {
  console.error(`--seed must be demo or empty, found ${values.seed}`);
  process.exit(2);
}

if (!/^\d{4}-\d{2}-\d{2}$/.test(values['as-of']) || Number.isNaN(Date.parse(values['as-of']))) {
  console.error(`--as-of must be a date as YYYY-MM-DD, found ${values['as-of']}`);
  process.exit(2);
}

const started = performance.now();
const sandbox = await startSandbox({
  port: integer('port', values.port),
  host: values.host,
  dataDir: values.data,
  seed: {
    name: values.seed,
    seedNumber: integer('seed-number', values['seed-number']),
    companies: integer('companies', values.companies),
    asOf: values['as-of'],
  },
  rateLimit: integer('rate-limit', values['rate-limit']),
  portalId: integer('portal-id', values['portal-id']),
  log: values.log,
});

console.log(
  `HubSpot sandbox listening on ${sandbox.url} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
console.log(`portal id: ${sandbox.portalId}`);
console.log(
  `data: ${values.data} (an existing portal there is restored; POST ${sandbox.url}/__sandbox/seed to reseed)`,
);
console.log(`tokens: ${SANDBOX_TOKENS.join(', ')}, ${UI_TOKEN_PREFIX}<ownerId>`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void sandbox.close().then(() => process.exit(0)));
}
