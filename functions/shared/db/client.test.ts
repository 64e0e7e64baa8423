// The PostgreSQL client while the server is away: every query fails fast with a
// connection error (the API answers 503), however many have failed before. postgres.js
// alone waits up to 20 s between reconnection attempts after a few failures.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../tests/processes/spawn';
import { fromDatabaseError } from '../http/database-errors';
import { openPostgres } from './client';

describe('openPostgres while nothing listens', () => {
  it('rejects each of ten queries in a row within 3 s, as 503 database_unavailable', async () => {
    const database = openPostgres(`postgres://nobody@127.0.0.1:${await freePort()}/none`, { max: 1 });
    try {
      for (let attempt = 1; attempt <= 10; attempt++) {
        const started = Date.now();
        const error = await database.db.execute(sql`select 1`).then(() => null, (err: unknown) => err);
        // A correctness bound (no hang), not a performance figure: upstream waits 3^n/100 s.
        expect(Date.now() - started, `attempt ${attempt}`).toBeLessThan(3_000);
        expect(fromDatabaseError(error)).toMatchObject({ status: 503, code: 'database_unavailable' });
      }
    } finally {
      await database.close();
    }
  });
});
