// Everything stored, read by the owner: one digest per table of the public schema (row
// count and md5 over rows and their row versions). A refused request must leave every
// digest as it was.
import { sql } from 'drizzle-orm';
import type { Database } from '../../functions/shared/db/client';

/** Rate-limit counters are the only rows a refused request may write (disabled here anyway). */
const NOT_DATA = new Set(['rate_limits']);

export async function databaseDigest(owner: Database): Promise<() => Promise<Record<string, string>>> {
  const tables = owner
    .rows<{ name: string }>(await owner.db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`))
    .map((t) => t.name)
    .filter((t) => !NOT_DATA.has(t));
  const parts = tables.map(
    (table) => sql`(select count(*)::text || ':' || coalesce(md5(string_agg(t.xmin::text || ' ' || t::text, ',' order by t::text)), '')
                      from ${sql.identifier(table)} t) as ${sql.identifier(table)}`,
  );
  const query = sql`select ${sql.join(parts, sql`, `)}`;
  return async () => owner.rows<Record<string, string>>(await owner.db.execute(query))[0];
}
