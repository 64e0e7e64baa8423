// What is stored for the target, read by the owner connection (bypassing row-level
// security): every row of B and P in every tenant table (found in the catalog), the two
// territories themselves, and the accounts, sessions and tokens of B's people. Each part
// is a count and an md5 over the rows AND their row versions (xmin), so even a rewrite
// with identical values shows.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../functions/shared/db/client';
import { tenantTables } from '../requests';

export type TargetState = Record<string, string>;
export const ACCOUNT_PARTS = ['users', 'sessions', 'user_tokens'];

export async function stateReader(owner: Database, territoryIds: string[], userIds: string[]): Promise<() => Promise<TargetState>> {
  const list = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const digest = (table: string, where: ReturnType<typeof sql>) =>
    sql`(select count(*)::text || ':' || coalesce(md5(string_agg(t.xmin::text || ' ' || t::text, ',' order by t::text)), '')
           from ${sql.identifier(table)} t where ${where}) as ${sql.identifier(table)}`;
  const parts = [
    ...(await tenantTables(owner)).map((table) => digest(table, sql`t.territory_id in (${list(territoryIds)})`)),
    digest('territories', sql`t.id in (${list(territoryIds)})`),
    digest('users', sql`t.id in (${list(userIds)})`),
    digest('sessions', sql`t.user_id in (${list(userIds)})`),
    digest('user_tokens', sql`t.user_id in (${list(userIds)})`),
  ];
  const query = sql`select ${sql.join(parts, sql`, `)}`;
  return async () => owner.rows<TargetState>(await owner.db.execute(query))[0];
}

/** The parts that differ, leaving out the accounts when the operation may touch them by design. */
export function changedParts(before: TargetState, after: TargetState, accountsMayChange: boolean): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k] && !(accountsMayChange && ACCOUNT_PARTS.includes(k)));
}
