// Issue 2 — isolation between territories, held by the database itself. One database per
// kind (PGlite always, PostgreSQL when TEST_DATABASE_URL is set), seeded once through the
// owner connection with two territories; every suite below runs its requests through the
// real withContext / withTerritory and rolls them back, so they share it safely and the
// run stays fast. What each suite proves is written at the top of its file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS } from '../support/database';
import { catalogChecks } from './catalog';
import { contextReset } from './context';
import { A, ads, B, members, seed } from './fixtures';
import { guards } from './guards';
import { lookups } from './lookups';
import { type Isolation, storedCount, tenantTables } from './requests';
import { rolePolicies } from './roles';
import { tenantTableSweeps } from './sweeps';
import { crossTerritoryWrites } from './writes';

describe.each(DATABASE_KINDS)('isolation between territories on %s', (kind) => {
  const shared = {} as Isolation;
  beforeAll(async () => {
    shared.db = await createTestDatabase(kind);
    await seed(shared.db.owner);
    shared.tables = await tenantTables(shared.db.owner);
  });
  afterAll(() => shared.db?.drop());
  const isolation = () => shared;

  tenantTableSweeps(kind, isolation);
  crossTerritoryWrites(kind, isolation);
  contextReset(kind, isolation);
  rolePolicies(kind, isolation);
  lookups(kind, isolation);
  guards(kind, isolation);
  catalogChecks(kind, isolation);

  it('leaves the fixture as it found it: every mutating request was rolled back', async () => {
    const { db } = shared;
    expect(await storedCount(db.owner, 'listings', A.id)).toBe(Object.values(ads).filter((l) => l.territoryId === A.id).length);
    expect(await storedCount(db.owner, 'memberships', B.id)).toBe(Object.values(members).filter((m) => m.territoryId === B.id).length);
  });
});
