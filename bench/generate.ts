// The bench data generator: territories of the Hautes-Pyrénées, their categories,
// members, organisations and offers and needs, inserted in bulk by the owner role with
// INSERT … SELECT generate_series (the rows are built inside PostgreSQL, nothing crosses
// the wire row by row). A database is reused while its marker (bench.meta) matches the
// generator version and the requested sizes; BENCH_REBUILD=1 rebuilds it.
//
//   npx tsx bench/generate.ts                # the data sets of `npm run bench`
//   BENCH_QUICK=1 npx tsx bench/generate.ts  # the smaller ones
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openPostgres } from '../functions/shared/db/client';
import { migrate } from '../functions/shared/db/migrate';
import { APP_LOGIN, type DataSet, databaseUrl, GENERATOR_VERSION, loadBenchConfig } from './config';
import { generatePeople, listingsInsert, MEMBERS_PER_TERRITORY, ORGANISATIONS_PER_TERRITORY } from './rows';

/** Rows per INSERT statement, about: progress is printed after each. */
const ROWS_PER_STATEMENT = 100_000;

export const territorySlug = (n: number) => `bench-${String(n).padStart(4, '0')}`;
export const memberEmail = (n: number, m: number) => `membre-${n}-${m}@bench.soliterr.fr`;

export interface Generated {
  dataSet: DataSet;
  reused: boolean;
  seconds: number;
  listings: number;
  bytes: number;
}

type Sql = postgres.Sql;

function log(dataSet: DataSet, message: string) {
  console.log(`[generate ${dataSet.database}] ${message}`);
}

async function databaseExists(admin: Sql, name: string): Promise<boolean> {
  return (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
}

async function markerMatches(url: string, dataSet: DataSet): Promise<boolean> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [meta] = await db`
      select version, territories, listings_per_territory from bench.meta
       where version = ${GENERATOR_VERSION} and complete`.catch(() => []);
    return !!meta && meta.territories === dataSet.territories && meta.listings_per_territory === dataSet.listingsPerTerritory;
  } finally {
    await db.end();
  }
}

/** The unprivileged login of the functions and of the direct SQL side (roles are cluster-wide). */
export async function ensureAppLogin(admin: Sql): Promise<void> {
  await admin.unsafe(`
    do $$ begin
      create role ${APP_LOGIN} login nosuperuser nobypassrls nocreatedb nocreaterole;
    exception when duplicate_object or unique_violation then null;
    end $$`);
  await admin.unsafe(`grant soliterr_app to ${APP_LOGIN}`);
}

/** Makes sure dataSet's database exists, is migrated and holds the generated data. */
export async function ensureDataSet(adminUrl: string, dataSet: DataSet, options: { rebuild?: boolean } = {}): Promise<Generated> {
  const started = performance.now();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = databaseUrl(adminUrl, dataSet.database);
  try {
    await ensureAppLogin(admin);
    let exists = await databaseExists(admin, dataSet.database);
    // Index builds of migrations applied to an existing bench database (10M rows) need it too.
    const roomForIndexes = `alter database ${dataSet.database} set maintenance_work_mem = '1GB'`;
    if (exists) await admin.unsafe(roomForIndexes);
    if (exists && !options.rebuild && (await markerMatches(url, dataSet))) {
      // New migrations (a fix made after the data was generated) still reach it.
      await migrateDatabase(url);
      const size = await sizeOf(url);
      log(dataSet, `reused (${size.listings.toLocaleString('en')} listings, marker v${GENERATOR_VERSION})`);
      return { dataSet, reused: true, seconds: 0, ...size };
    }
    if (exists) {
      log(dataSet, 'dropping (rebuild asked, or older or different data)');
      await admin.unsafe(`drop database ${dataSet.database} with (force)`);
      exists = false;
    }
    await admin.unsafe(`create database ${dataSet.database}`);
    await admin.unsafe(roomForIndexes);
    await migrateDatabase(url);
    await generate(url, dataSet);
    const seconds = (performance.now() - started) / 1000;
    const size = await sizeOf(url);
    log(dataSet, `done in ${seconds.toFixed(0)} s, ${(size.bytes / 2 ** 20).toFixed(0)} MiB`);
    return { dataSet, reused: false, seconds, ...size };
  } finally {
    await admin.end();
  }
}

export async function dropDataSet(adminUrl: string, dataSet: DataSet): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${dataSet.database} with (force)`);
  } finally {
    await admin.end();
  }
}

async function migrateDatabase(url: string): Promise<void> {
  const owner = openPostgres(url, { max: 1 });
  try {
    await migrate(owner);
  } finally {
    await owner.close();
  }
}

async function sizeOf(url: string): Promise<{ listings: number; bytes: number }> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await db`select (select count(*)::int from listings) as listings, pg_database_size(current_database())::float8 as bytes`;
    return { listings: row.listings, bytes: row.bytes };
  } finally {
    await db.end();
  }
}

async function timed(dataSet: DataSet, what: string, fn: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await fn();
  log(dataSet, `${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

async function generate(url: string, dataSet: DataSet): Promise<void> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  const { territories: T, listingsPerTerritory: L } = dataSet;
  try {
    // Session settings of this connection only: more memory for index builds, and
    // foreign-key triggers skipped (the rows are consistent by construction; checked below).
    await db.unsafe(`set maintenance_work_mem = '1GB'`);
    await db.unsafe(`set session_replication_role = replica`);
    await db.unsafe(`select setseed(0.65)`);
    await db.unsafe(`create schema if not exists bench`);
    await db.unsafe(`create table bench.meta (version int not null, territories int not null,
      listings_per_territory int not null, complete boolean not null default false, generated_at timestamptz not null default now())`);
    await db.unsafe(`insert into bench.meta (version, territories, listings_per_territory) values ($1, $2, $3)`, [GENERATOR_VERSION, T, L]);
    await timed(dataSet, `${T} territories, their categories, ${MEMBERS_PER_TERRITORY} members and ${ORGANISATIONS_PER_TERRITORY} organisations each`, () =>
      generatePeople(db, T),
    );
    await generateListings(db, dataSet);
    await timed(dataSet, 'foreign keys checked', () => checkReferences(db));
    await timed(dataSet, 'VACUUM ANALYZE', () => db.unsafe('vacuum analyze'));
    await db.unsafe(`update bench.meta set complete = true, generated_at = now()`);
  } finally {
    await db.end();
  }
}

async function generateListings(db: Sql, dataSet: DataSet): Promise<void> {
  const { territories: T, listingsPerTerritory: L } = dataSet;
  // Secondary indexes are built once at the end (much faster than row by row), from
  // their own definitions as the migrations made them, so nothing here can drift.
  const indexes = await db<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes
     where schemaname = 'public' and tablename = 'listings' and indexname <> 'listings_pkey'`;
  for (const index of indexes) await db.unsafe(`drop index public.${index.name}`);
  const perStatement = Math.max(1, Math.floor(ROWS_PER_STATEMENT / L));
  const total = T * L;
  const started = performance.now();
  for (let first = 1; first <= T; first += perStatement) {
    const last = Math.min(T, first + perStatement - 1);
    await db.unsafe(listingsInsert(first, last, L));
    const done = last * L;
    const seconds = (performance.now() - started) / 1000;
    log(dataSet, `listings ${((100 * done) / total).toFixed(0).padStart(3)} % (${done.toLocaleString('en')} / ${total.toLocaleString('en')}) ` +
      `${seconds.toFixed(1)} s, ${Math.round(done / seconds).toLocaleString('en')} rows/s`);
  }
  for (const index of indexes) {
    await timed(dataSet, `index ${index.name}`, () => db.unsafe(index.definition));
  }
}

/** The foreign keys skipped during the load, checked at once (an anti-join per key). */
async function checkReferences(db: Sql): Promise<void> {
  const [row] = await db`
    select
      (select count(*) from listings l where not exists
        (select 1 from categories c where c.territory_id = l.territory_id and c.id = l.category_id))::int as categories,
      (select count(*) from listings l where not exists
        (select 1 from memberships m where m.territory_id = l.territory_id and m.id = l.author_membership_id))::int as authors,
      (select count(*) from listings l where l.organisation_id is not null and not exists
        (select 1 from organisations o where o.territory_id = l.territory_id and o.id = l.organisation_id))::int as organisations`;
  if (row.categories || row.authors || row.organisations) {
    throw new Error(`generated listings with dangling references: ${JSON.stringify(row)}`);
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const config = loadBenchConfig();
  for (const dataSet of [config.search, config.scaling.few, config.scaling.many]) {
    await ensureDataSet(config.adminUrl, dataSet, { rebuild: config.rebuild });
  }
}
