// The direct SQL side of the comparison. The statements are not copied from the
// function: they are recorded by running the function's own code (validateSessionToken,
// withTerritory, searchListings) once through a logging drizzle, then replayed with
// postgres.js alone, one transaction each, exactly as the function sends them: SET LOCAL
// ROLE soliterr_app, set_config of the user and territory, the territory look-up and the
// list query, with the same parameters and the same connection options.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { validateSessionToken } from '../functions/shared/auth/sessions';
import { type Database, type Db, rowsOf } from '../functions/shared/db/client';
import { withTerritory } from '../functions/shared/db/tenant';
import { type ListingsFilters, searchListings } from '../functions/listings/search';
import { ListingsQuery } from '../schemas/api';
import * as schema from '../schemas/db';

export interface Statement {
  query: string;
  params: unknown[];
}

/** One request as SQL: its transactions, each a list of statements. */
export type RecordedRequest = Statement[][];

/** The options functions/shared/db/client.ts opens PostgreSQL with (pool of 10, no prepared statements). */
export function appClient(url: string, max = 10): postgres.Sql {
  return postgres(url, { max, onnotice: () => {}, connect_timeout: 5, idle_timeout: 30, prepare: false });
}

/** The filters the listings function derives from a query string, defaults included. */
export function filtersOf(search: string): ListingsFilters {
  return ListingsQuery.parse(Object.fromEntries(new URLSearchParams(search)));
}

/**
 * Runs what GET /territories/{slug}/listings?<search> runs in the database, through the
 * function's own code, and returns the statements it sent with the rows of the last one.
 */
export async function recordListRequest(
  url: string,
  request: { slug: string; search: string; token?: string },
): Promise<{ transactions: RecordedRequest; rows: number }> {
  const client = appClient(url, 1);
  let current: Statement[] = [];
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (query, params) => void current.push({ query, params: [...params] }) },
  }) as unknown as Db;
  const database: Database = { kind: 'postgres', db, rows: rowsOf, close: () => client.end({ timeout: 5 }) };
  const transactions: RecordedRequest = [];
  try {
    let userId: string | null = null;
    if (request.token) {
      const session = await validateSessionToken(database, request.token, 30);
      if (!session) throw new Error('bench session token not valid');
      userId = session.user.id;
      transactions.push(current);
      current = [];
    }
    const { rows } = await withTerritory(database, { userId, slug: request.slug }, (scope) =>
      searchListings(scope, filtersOf(request.search)),
    );
    transactions.push(current);
    return { transactions, rows: rows.length };
  } finally {
    await database.close();
  }
}

/**
 * Replays a recorded request with postgres.js: one transaction per recorded transaction.
 * Returns the rows of the last statement as arrays (drizzle reads them the same way).
 */
export async function replay(sql: postgres.Sql, request: RecordedRequest): Promise<unknown[][]> {
  let rows: unknown[][] = [];
  for (const statements of request) {
    await sql.begin(async (tx) => {
      for (const s of statements) rows = await tx.unsafe(s.query, s.params as postgres.ParameterOrJSON<never>[]).values();
    });
  }
  return rows;
}
