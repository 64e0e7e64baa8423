// What `npm run bench` measures and where: the only module of bench/ that reads
// process.env (as functions/shared/config.ts is for the product).
//
//   BENCH_QUICK=1          smaller data sets and shorter runs (a few minutes)
//   BENCH_REBUILD=1        drop and regenerate the bench databases
//   BENCH_DROP=1           drop the bench databases when the run ends
//   BENCH_DATABASE_URL     a superuser (owner) URL on the server to use; default below
//   BENCH_SECONDS          seconds per load measurement (default 8, quick 3)
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const Env = z.object({
  BENCH_QUICK: flag,
  BENCH_REBUILD: flag,
  BENCH_DROP: flag,
  BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  BENCH_SECONDS: z.coerce.number().positive().max(120).optional(),
});

/** A data set: how many territories, each holding the same number of listings. */
export interface DataSet {
  /** The database that holds it (created on BENCH_DATABASE_URL's server). */
  database: string;
  territories: number;
  listingsPerTerritory: number;
}

export interface BenchConfig {
  quick: boolean;
  rebuild: boolean;
  drop: boolean;
  adminUrl: string;
  /** Seconds of each load measurement, after a warm-up of a quarter of that. */
  seconds: number;
  concurrency: number[];
  /** The listing search data set: one territory of it is measured. */
  search: DataSet;
  /** Tenant scaling: the same territory size with few and with many territories. */
  scaling: { few: DataSet; many: DataSet };
  /** Cold-start runs per bundle (the median is kept). */
  coldStartRuns: number;
}

/** The login role of the function processes and of the direct SQL side: unprivileged, member of soliterr_app. */
export const APP_LOGIN = 'soliterr_bench_app';

/** Bump when the generated data changes shape: databases of another version are rebuilt. */
export const GENERATOR_VERSION = 1;

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const e = Env.parse(env);
  const quick = e.BENCH_QUICK;
  return {
    quick,
    rebuild: e.BENCH_REBUILD,
    drop: e.BENCH_DROP,
    adminUrl: e.BENCH_DATABASE_URL,
    seconds: e.BENCH_SECONDS ?? (quick ? 3 : 8),
    concurrency: [1, 16, 64],
    search: quick
      ? { database: 'soliterr_bench_quick', territories: 100, listingsPerTerritory: 1_000 }
      : { database: 'soliterr_bench', territories: 100, listingsPerTerritory: 10_000 },
    scaling: quick
      ? {
          few: { database: 'soliterr_bench_quick_t10', territories: 10, listingsPerTerritory: 1_000 },
          many: { database: 'soliterr_bench_quick_t1000', territories: 1_000, listingsPerTerritory: 1_000 },
        }
      : {
          few: { database: 'soliterr_bench_t10', territories: 10, listingsPerTerritory: 10_000 },
          many: { database: 'soliterr_bench_t1000', territories: 1_000, listingsPerTerritory: 10_000 },
        },
    coldStartRuns: quick ? 3 : 7,
  };
}

/** The URL of another database on the same server, as the same user or as another login. */
export function databaseUrl(adminUrl: string, database: string, user?: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}
