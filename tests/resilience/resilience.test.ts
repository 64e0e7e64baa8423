// Load and faults (issue 3, section 3): the only test file of tests/resilience (README.md).
// The scenarios need PostgreSQL: they run when TEST_DATABASE_URL is set (as in CI) and the
// server binaries are installed, on a cluster of their own; otherwise they are not defined
// (CI refuses skipped tests). The checks they rely on are tested first, on PGlite.
import { afterAll, beforeAll, describe } from 'vitest';
import { POSTGRES_URL } from '../support/database';
import { freePort } from '../processes/spawn';
import { checksCatchWhatTheyLookFor } from './checks-selftest';
import { type Cluster, createCluster, hasPostgresBinaries } from './cluster';
import { databaseStopped } from './database-stop';
import { functionKilled } from './function-kill';
import { buildStackBundles, type Bundles } from './stack';
import type { Suite } from './suite';
import { concurrentWriters } from './writers';

checksCatchWhatTheyLookFor();

if (POSTGRES_URL && hasPostgresBinaries()) {
  describe.sequential('load and faults on a PostgreSQL cluster of our own', () => {
    let cluster: Cluster | undefined;
    let bundles: Bundles | undefined;
    beforeAll(async () => {
      const [c, b] = await Promise.allSettled([freePort().then(createCluster), buildStackBundles()]);
      if (c.status === 'fulfilled') cluster = c.value;
      if (b.status === 'fulfilled') bundles = b.value;
      for (const r of [c, b]) if (r.status === 'rejected') throw r.reason;
    }, 120_000);
    afterAll(async () => {
      await cluster?.destroy();
      bundles?.remove();
    });
    const suite = (): Suite => ({ cluster: cluster!, bundles: bundles! });

    concurrentWriters(suite);
    functionKilled(suite);
    databaseStopped(suite);
  });
}
