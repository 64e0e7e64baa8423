// `npm run bench`: builds the function bundles, generates the data sets when missing,
// measures listing search (full stack vs direct SQL), tenant scaling, cold start and
// memory, writes bench/results.json and prints the README table. See bench/README.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from '../infra/build/bundle';
import postgres from 'postgres';
import { measureColdStarts } from './cold-start';
import { APP_LOGIN, type BenchConfig, databaseUrl, loadBenchConfig } from './config';
import { dropDataSet, ensureDataSet, type Generated } from './generate';
import { backendsOf } from './cpu';
import { describeMachine, loadAverage } from './machine';
import { renderTable } from './report';
import { measureMatching } from './matching';
import { measureScaling, type ScalingSide } from './scaling';
import { appClient, compare, memberSession, prepare, SCENARIOS } from './search';
import { memoryLimit, rssMiB, sampleRss, startFunction, startGateway, stopAll } from './stack';

const RESULTS = fileURLToPath(new URL('results.json', import.meta.url));

async function runStack(config: BenchConfig, dataSet: BenchConfig['search'], file: string) {
  const appUrl = databaseUrl(config.adminUrl, dataSet.database, APP_LOGIN);
  const ownerUrl = databaseUrl(config.adminUrl, dataSet.database);
  const fn = await startFunction('listings', file, appUrl);
  const gateway = await startGateway({ listings: fn.url });
  const direct = appClient(appUrl);
  const session = await memberSession(ownerUrl);
  const admin = postgres(config.adminUrl, { max: 1, onnotice: () => {} });
  const backends = backendsOf(admin, dataSet.database, APP_LOGIN);
  const prepared = [];
  for (const scenario of SCENARIOS) prepared.push(await prepare(scenario, gateway.url, appUrl, session.token, direct));
  return {
    fn,
    gateway,
    direct,
    prepared,
    backends,
    async stop() {
      await direct.end({ timeout: 5 });
      await admin.end({ timeout: 5 });
      await session.revoke();
      await gateway.stop();
      await fn.stop();
    },
  };
}

async function main() {
  const config = loadBenchConfig();
  const started = performance.now();
  const machine = await describeMachine(config.adminUrl);
  console.log(`SoliTERR bench${config.quick ? ' (BENCH_QUICK)' : ''} on ${machine.cpu}, ${machine.cores} cores, ` +
    `${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverageStart}`);

  console.log('\n== Data sets');
  const dataSets: Generated[] = [];
  for (const dataSet of [config.search, config.scaling.few, config.scaling.many]) {
    dataSets.push(await ensureDataSet(config.adminUrl, dataSet, { rebuild: config.rebuild }));
  }

  console.log('\n== Function bundles');
  const outDir = mkdtempSync(join(tmpdir(), 'soliterr-bench-bundles-'));
  try {
    const bundles = await buildBundles({ outDir });
    const listings = bundles.find((b) => b.name === 'listings')!;

    console.log(`\n== Listing search: ${config.search.territories} territories × ${config.search.listingsPerTerritory.toLocaleString('en')} listings, ${config.seconds} s per measurement`);
    const stack = await runStack(config, config.search, listings.file);
    const memory = { idleMiB: rssMiB(stack.fn.child.pid), underLoadMiB: 0, afterLoadMiB: 0, peakMiB: 0 };
    const search = [];
    try {
      for (const p of stack.prepared) {
        const comparisons = await compare(p, stack.direct, {
          concurrency: config.concurrency,
          seconds: config.seconds,
          cpu: {
            direct: { client: { self: true }, postgres: stack.backends },
            full: {
              'load generator': { self: true },
              gateway: { pids: () => [stack.gateway.child.pid ?? 0] },
              function: { pids: () => [stack.fn.child.pid ?? 0] },
              postgres: stack.backends,
            },
          },
          onFullStack: async (run) => {
            const { result, maxMiB } = await sampleRss(stack.fn.child.pid, run);
            memory.underLoadMiB = Math.max(memory.underLoadMiB, maxMiB);
            return result;
          },
        });
        search.push({ scenario: p.scenario.name, who: p.scenario.who, query: p.scenario.search, sqlStatements: p.statements, rows: p.rows, comparisons });
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      memory.afterLoadMiB = rssMiB(stack.fn.child.pid);
      memory.peakMiB = rssMiB(stack.fn.child.pid, 'VmHWM');
      console.log(`  listings function RSS: idle ${memory.idleMiB} MiB, under load ${memory.underLoadMiB} MiB (peak ${memory.peakMiB}), 2 s after ${memory.afterLoadMiB} MiB`);
    } finally {
      await stack.stop();
    }

    const { few, many } = config.scaling;
    console.log(`\n== Tenant scaling: ${few.territories} vs ${many.territories} territories × ${few.listingsPerTerritory.toLocaleString('en')} listings`);
    const a = await runStack(config, few, listings.file);
    let scaling;
    try {
      const b = await runStack(config, many, listings.file);
      try {
        const side = (dataSet: typeof few, s: typeof a): ScalingSide => ({ dataSet, prepared: s.prepared, direct: s.direct });
        scaling = await measureScaling(side(few, a), side(many, b), config);
      } finally {
        await b.stop();
      }
    } finally {
      await a.stop();
    }

    console.log('\n== Matching: suggestions for one listing among 10,000 open listings');
    const matching = await measureMatching(config);

    console.log(`\n== Cold start and size of each bundle (median of ${config.coldStartRuns})`);
    const coldStart = await measureColdStarts(bundles, databaseUrl(config.adminUrl, config.search.database, APP_LOGIN), config.coldStartRuns);

    const results = {
      generatedAt: new Date().toISOString(),
      quick: config.quick,
      durationSeconds: 0,
      machine: { ...machine, loadAverageEnd: loadAverage() },
      dataSets: dataSets.map((g) => ({ ...g.dataSet, listings: g.listings, sizeMiB: Math.round(g.bytes / 2 ** 20), reused: g.reused, generationSeconds: Math.round(g.seconds) })),
      functionMemoryLimit: memoryLimit.applied
        ? `${(memoryLimit.bytes ?? 0) / 2 ** 20} MiB (openfaas.yml limits.memory), in a memory cgroup per process`
        : 'none: no memory cgroup could be created, processes ran unconstrained',
      targets: { searchThroughputRatio: 0.6, tenantScalingP50Ratio: 1.2, coldStartRatio: 2, bundleBytes: 1024 * 1024, rssMiB: 80 },
      search,
      scaling,
      coldStart,
      memory,
      matching,
    };
    results.durationSeconds = Math.round((performance.now() - started) / 1000);
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${renderTable(results)}\nWritten to bench/results.json in ${results.durationSeconds} s.`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    await stopAll();
    if (config.drop) {
      for (const g of dataSets) await dropDataSet(config.adminUrl, g.dataSet);
      console.log('Bench databases dropped (BENCH_DROP=1).');
    }
  }
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.stack : error);
  await stopAll();
  process.exit(1);
});
