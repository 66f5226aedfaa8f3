import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@hubspot/api-client';
import { seedRecords } from '#sandbox/seed/choose';
import { loadSeed } from '#sandbox/seed/load';
import { startSandbox } from '#sandbox/server';
import { Portal } from '#sandbox/store/portal';
import { OBJECT_TYPE_NAMES } from '#sandbox/hubspot/object-types';
import { measuredOn, writeResultsSection } from './support/results.ts';

/**
 * `npm run bench -- sandbox`: batch reads and searches through the real api-client with rate
 * limits off, and demo-portal seeding time and peak memory (each size in a fresh process, so the
 * peak RSS is the seed's own). Writes its section of bench/RESULTS.md.
 */
const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = 5;

if (process.argv[2] === '--seed-only') {
  const companies = Number(process.argv[3]);
  const started = performance.now();
  const portal = new Portal(1);
  loadSeed(portal, seedRecords({ name: 'demo', seedNumber: 1, companies }));
  const seconds = (performance.now() - started) / 1000;
  const objects = Object.fromEntries(OBJECT_TYPE_NAMES.map((type) => [type, portal.tables[type].size]));
  global.gc?.();
  const heldMiB = process.memoryUsage().rss / 2 ** 20;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ companies, seconds, objects, peakMiB, heldMiB }));
  process.exit(0);
}

interface SeedFigures {
  companies: number;
  seconds: number;
  objects: Record<string, number>;
  peakMiB: number;
  heldMiB: number;
}

function measureSeed(companies: number): SeedFigures {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(here, 'sandbox.ts'), '--seed-only', String(companies)],
    {
      cwd: join(here, '..'),
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as SeedFigures;
}

async function forSeconds(
  work: () => Promise<number>,
  concurrency: number,
): Promise<{ requests: number; items: number; seconds: number }> {
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  let requests = 0;
  let items = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        // Read the count after the await: `items += await work()` would lose concurrent updates.
        const done = await work();
        items += done;
        requests++;
      }
    }),
  );
  return { requests, items, seconds: (performance.now() - started) / 1000 };
}

async function measureApi() {
  const sandbox = await startSandbox({
    port: 0,
    rateLimit: 0,
    seed: { name: 'demo', seedNumber: 1, companies: 2000 },
  });
  const client = new Client({ accessToken: 'sandbox-app', basePath: sandbox.url });
  const ids: string[] = [];
  let after: string | undefined;
  while (ids.length < 1000) {
    const page = await client.crm.deals.basicApi.getPage(100, after);
    ids.push(...page.results.map((deal) => deal.id));
    after = page.paging?.next?.after;
    if (!after) break;
  }
  let next = 0;
  const batchRead = async () => {
    const slice = Array.from({ length: 100 }, () => ids[next++ % ids.length]!);
    const response = await client.crm.deals.batchApi.read({
      inputs: slice.map((id) => ({ id })),
      properties: ['dealname', 'amount', 'dealstage', 'closedate', 'hubspot_owner_id'],
      propertiesWithHistory: [],
    });
    return response.results.length;
  };
  const search = async () => {
    const page = await client.crm.deals.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'dealstage', operator: 'EQ' as never, value: 'closedwon' }] },
      ],
      properties: ['dealname', 'amount'],
      limit: 100,
    });
    return page.results.length;
  };
  const batchSequential = await forSeconds(batchRead, 1);
  const batchParallel = await forSeconds(batchRead, 8);
  const searches = await forSeconds(search, 1);
  await sandbox.close();
  return { batchSequential, batchParallel, searches };
}

const api = await measureApi();
const seed2k = measureSeed(2000);
const seed10k = measureSeed(10_000);

const rate = (figures: { requests: number; items: number; seconds: number }) =>
  `${Math.round(figures.requests / figures.seconds)} requests/s, ${Math.round(figures.items / figures.seconds)} deals/s`;
const total = (objects: Record<string, number>) => Object.values(objects).reduce((a, b) => a + b, 0);
const engagements = (objects: Record<string, number>) =>
  ['emails', 'meetings', 'calls', 'notes', 'tasks'].reduce((sum, type) => sum + (objects[type] ?? 0), 0);

const section = `<!-- sandbox:start -->
## Sandbox (\`npm run bench -- sandbox\`)

Measured ${measuredOn()}. Rate limits off; through \`@hubspot/api-client\` over HTTP on localhost; ${SECONDS} s per figure.

| what | figure |
|---|---|
| batch read of 100 deals, one caller | ${rate(api.batchSequential)} |
| batch read of 100 deals, 8 concurrent callers | ${rate(api.batchParallel)} |
| search pages (dealstage = closedwon, 100 a page), one caller | ${Math.round(api.searches.requests / api.searches.seconds)} pages/s |
| demo seed, 2,000 companies | ${seed2k.seconds.toFixed(1)} s, ${total(seed2k.objects).toLocaleString('en')} objects (${engagements(seed2k.objects).toLocaleString('en')} engagements), peak RSS ${Math.round(seed2k.peakMiB)} MiB |
| demo seed, 10,000 companies | ${seed10k.seconds.toFixed(1)} s, ${total(seed10k.objects).toLocaleString('en')} objects (${engagements(seed10k.objects).toLocaleString('en')} engagements), peak RSS ${Math.round(seed10k.peakMiB)} MiB, ${Math.round(seed10k.heldMiB)} MiB held after GC |

Objects at 10,000 companies: ${Object.entries(seed10k.objects)
  .map(([type, count]) => `${type} ${count.toLocaleString('en')}`)
  .join(', ')}.
<!-- sandbox:end -->`;

writeResultsSection('sandbox', section);
console.log(section);
