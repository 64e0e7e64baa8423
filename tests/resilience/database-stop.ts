// PostgreSQL stopped in the middle of the load (an immediate stop: connections drop as in
// a crash), then started again. The functions are not restarted: they must answer 503
// quickly while it is away, and serve again as soon as it is back. Nothing is half
// written and every acknowledged publication is stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_WITHIN_MS, newTally, pause, send } from './clients';
import { checkEdits, checkPublications } from './checks';
import { type LoadResult, runLoad, summary } from './load';
import type { Suite } from './suite';
import { openWorld, type World } from './world';

const CLIENTS = 16;
const BEFORE_MS = 3_000;
const DOWN_MS = 4_000;
const AFTER_MS = 4_000;

export function databaseStopped(suite: () => Suite): void {
  describe('PostgreSQL stopped in the middle of the load, then started again', () => {
    let world: World;
    let load: LoadResult;
    let pids: Map<string, number | undefined>;
    /** Our own requests while PostgreSQL was away: status and time to answer. */
    const whileDown: { status: number; ms: number }[] = [];

    beforeAll(async () => {
      const { cluster, bundles } = suite();
      world = await openWorld(cluster, bundles, { people: CLIENTS, hot: 3 });
      pids = new Map([...world.stack.processes].map(([name, p]) => [name, p.child.pid]));
      let done = false;
      const started = Date.now();
      const running = runLoad({
        base: world.stack.url,
        slug: world.slug,
        categoryId: world.categoryId,
        members: world.members,
        hot: world.hot,
        run: 'panne',
        stopped: () => done,
        finalDeadline: started + BEFORE_MS + DOWN_MS + AFTER_MS + 40_000,
      });
      try {
        await pause(BEFORE_MS);
        await cluster.stop('immediate');
        // While it is away, a request of our own must get its 503 too, and in time.
        const downSince = Date.now();
        const probe = newTally();
        while (Date.now() - downSince < DOWN_MS) {
          const answer = await send(world.stack.url, probe, 'GET', `/api/v1/territories/${world.slug}/listings`, { token: world.members[0].token });
          whileDown.push({ status: answer.status, ms: answer.ms });
          await pause(250);
        }
      } finally {
        // Whatever happened above, the cluster comes back for the next scenarios.
        await cluster.start();
      }
      await pause(AFTER_MS);
      done = true;
      load = await running;
      console.log(summary('PostgreSQL stopped', load, (Date.now() - started) / 1000, CLIENTS));
    }, 120_000);
    afterAll(() => world?.close());

    it('answers every request within 10 s; while PostgreSQL is away, with 503 problem+json and Retry-After', () => {
      expect(load.tally.hangs).toBe(0);
      expect(load.tally.slowestMs).toBeLessThan(ANSWER_WITHIN_MS);
      expect(whileDown.length).toBeGreaterThan(0);
      for (const probe of whileDown) expect(probe).toMatchObject({ status: 503, ms: expect.any(Number) });
      expect(Math.max(...whileDown.map((p) => p.ms))).toBeLessThan(ANSWER_WITHIN_MS);
      expect(load.tally.statuses[503]).toBeGreaterThan(0);
      expect(load.tally.bad503).toEqual([]);
      expect(Object.keys(load.tally.statuses).filter((s) => s !== '503' && (Number(s) >= 500 || s === '0'))).toEqual([]);
      expect(load.tally.unexpected).toEqual([]);
    });

    it('recovers without restarting any function: the same processes serve again', async () => {
      for (const [name, p] of world.stack.processes) {
        expect(p.child.pid, name).toBe(pids.get(name));
        expect(p.child.exitCode, `${name} exited: ${p.stderr().slice(-500)}`).toBeNull();
      }
      const probe = newTally();
      const token = world.members[1].token;
      expect((await send(world.stack.url, probe, 'GET', '/api/v1/me', { token })).status).toBe(200);
      expect((await send(world.stack.url, probe, 'GET', `/api/v1/territories/${world.slug}/listings`, { token })).status).toBe(200);
      expect((await send(world.stack.url, probe, 'GET', `/api/v1/territories/${world.slug}/organisations`, { token })).status).toBe(200);
    });

    it('stores every acknowledged publication exactly once and nothing half written', async () => {
      // Retried with their keys after the restart, every publication ends acknowledged.
      expect(load.creates.filter((c) => !c.id).map((c) => c.title)).toEqual([]);
      expect(await checkPublications(world.db.owner, load, 'panne')).toEqual([]);
      expect(load.badReplays).toEqual([]);
    });

    it('loses no acknowledged edit', async () => {
      expect(load.updates.length).toBeGreaterThan(0);
      expect(await checkEdits(world.db.owner, load, world.hot)).toEqual([]);
    });
  });
}
