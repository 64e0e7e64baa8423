// Concurrent writers: about fifty clients publish and edit listings for about twenty
// seconds through the gateway, each function its own process, on PostgreSQL. Afterwards
// the owner compares what is stored with what each client was told.
//   RESILIENCE_CLIENTS=50 RESILIENCE_SECONDS=300 npx vitest run tests/resilience   # longer, locally
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdits, checkPublications } from './checks';
import { type LoadResult, runLoad, summary } from './load';
import type { Suite } from './suite';
import { openWorld, type World } from './world';

// Test-only knobs, read here like TEST_DATABASE_URL is in tests/support.
const CLIENTS = Number(process.env.RESILIENCE_CLIENTS ?? 50);
const SECONDS = Number(process.env.RESILIENCE_SECONDS ?? 20);
const HOT_LISTINGS = 5;
/** Fifty clients on a two-core machine shared with other suites queue: a hang is longer than this. */
const WRITERS_ANSWER_WITHIN_MS = 30_000;

export function concurrentWriters(suite: () => Suite): void {
  describe(`${CLIENTS} clients publishing and editing for ${SECONDS} s`, () => {
    let world: World;
    let load: LoadResult;

    beforeAll(async () => {
      world = await openWorld(suite().cluster, suite().bundles, { people: CLIENTS, hot: HOT_LISTINGS });
      const started = Date.now();
      const until = started + SECONDS * 1000;
      load = await runLoad({
        base: world.stack.url,
        slug: world.slug,
        categoryId: world.categoryId,
        members: world.members,
        hot: world.hot,
        run: 'charge',
        stopped: () => Date.now() > until,
        finalDeadline: until + 30_000,
        answerWithinMs: WRITERS_ANSWER_WITHIN_MS,
      });
      console.log(summary('concurrent writers', load, (Date.now() - started) / 1000, CLIENTS));
    }, SECONDS * 1000 + 120_000);
    afterAll(() => world?.close());

    it('answers every request (within 30 s under this load), and never with a server error', () => {
      expect(load.tally.hangs).toBe(0);
      expect(Object.keys(load.tally.statuses).filter((s) => Number(s) >= 500 || s === '0')).toEqual([]);
      expect(load.tally.unexpected).toEqual([]);
    });

    it('acknowledges every publication and stores each one exactly once, complete, with its key', async () => {
      expect(load.creates.length).toBeGreaterThan(CLIENTS);
      expect(load.creates.filter((c) => !c.id).map((c) => c.title)).toEqual([]);
      expect(await checkPublications(world.db.owner, load, 'charge')).toEqual([]);
    });

    it('answers a re-sent publication with the first answer, replayed', () => {
      expect(load.replays).toBeGreaterThan(0);
      expect(load.badReplays).toEqual([]);
    });

    it('gives each version of a listing one winner and 412 to the others: no lost update', async () => {
      expect(load.updates.length).toBeGreaterThan(0);
      // Fifty editors on five listings collide: the 412 path is exercised, not assumed.
      expect(load.conflicts).toBeGreaterThan(0);
      expect(load.ambiguous).toEqual({});
      expect(await checkEdits(world.db.owner, load, world.hot)).toEqual([]);
    });
  });
}
