// A function process killed (SIGKILL) while requests are in the middle of their
// transaction. To have them there for sure, the owner holds two locks: on the table of
// idempotency keys (a publication has inserted its listing and waits to store its key)
// and on one listing's row (an edit waits to update it). The clients must get an error,
// and once the locks are released nothing of those transactions may remain.
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_LOGIN } from '../support/database';
import { type Answer, newTally, pause, send } from './clients';
import type { Suite } from './suite';
import { openWorld, type World } from './world';

const PUBLICATIONS = 6;
const EDITS = 4;

export function functionKilled(suite: () => Suite): void {
  describe('the listings function killed while requests are inside their transaction', () => {
    let world: World;
    let holder: postgres.Sql | undefined;
    let answers: Answer[] = [];
    let blocked = 0;
    const tally = newTally();
    const keys = Array.from({ length: PUBLICATIONS }, () => crypto.randomUUID());
    const bodyOf = (i: number, categoryId: string) => ({
      kind: 'need', categoryId, title: `coupure n${i}`, description: 'Cherche chambre froide', exchangeModes: ['location'],
    });
    const count = async (query: ReturnType<typeof sql>) => world.db.owner.rows<{ n: number }>(await world.db.owner.db.execute(query))[0].n;
    const waiting = () =>
      count(sql`select count(*)::int as n from pg_stat_activity
                 where usename = ${APP_LOGIN} and datname = current_database() and wait_event_type = 'Lock'`);

    beforeAll(async () => {
      world = await openWorld(suite().cluster, suite().bundles, { people: 2, hot: 1 });
      const [editor, author] = world.members;
      const listings = `/api/v1/territories/${world.slug}/listings`;
      holder = postgres(world.db.ownerUrl, { max: 1, onnotice: () => {} });
      let locked!: () => void;
      let release!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const holding = holder.begin(async (tx) => {
        await tx`lock table idempotency_keys in exclusive mode`;
        await tx`select 1 from listings where id = ${world.hot[0]} for update`;
        locked();
        await released;
      });
      try {
        await isLocked;
        const inFlight = [
          ...keys.map((key, i) =>
            send(world.stack.url, tally, 'POST', listings, { token: author.token, body: bodyOf(i, world.categoryId), headers: { 'idempotency-key': key } })),
          ...Array.from({ length: EDITS }, (_, i) =>
            send(world.stack.url, tally, 'PATCH', `${listings}/${world.hot[0]}`, {
              token: editor.token, body: { description: `coupure e${i}` }, headers: { 'if-match': '"1"' },
            })),
        ];
        for (let i = 0; i < 100 && (blocked = await waiting()) < PUBLICATIONS + EDITS; i++) await pause(100);
        await world.stack.kill('listings');
        answers = await Promise.all(inFlight);
      } finally {
        release();
        await holding;
      }
      // The killed process's sessions end when their statements finish and find no client.
      for (let i = 0; i < 100; i++) {
        const left = await count(sql`select count(*)::int as n from pg_stat_activity where usename = ${APP_LOGIN} and datname = current_database() and state <> 'idle'`);
        if (left === 0) break;
        await pause(100);
      }
    }, 60_000);
    afterAll(async () => {
      await holder?.end({ timeout: 5 });
      await world?.close();
    });

    it('had every request waiting inside its transaction when the process was killed', () => {
      expect(blocked).toBe(PUBLICATIONS + EDITS);
    });

    it('answers each of those requests with an error: 502 problem+json from the gateway', () => {
      expect(answers.map((a) => a.status)).toEqual(Array(PUBLICATIONS + EDITS).fill(502));
      for (const a of answers) {
        expect(a.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(a.body.code).toBe('function_unavailable');
      }
    });

    it('leaves nothing half written: no listing without its key, no key, no edit', async () => {
      expect(await count(sql`select count(*)::int as n from listings where title like 'coupure %'`)).toBe(0);
      expect(await count(sql`select count(*)::int as n from idempotency_keys where key in ${keys}`)).toBe(0);
      expect(await count(sql`select version as n from listings where id = ${world.hot[0]}`)).toBe(1);
      expect(await count(sql`select count(*)::int as n from audit_log where target_id = ${world.hot[0]}`)).toBe(0);
    });

    it('runs the same requests once the function is back: each publication once, one edit wins', async () => {
      await world.stack.restart('listings');
      const [editor, author] = world.members;
      const listings = `/api/v1/territories/${world.slug}/listings`;
      for (const [i, key] of keys.entries()) {
        const again = await send(world.stack.url, tally, 'POST', listings, { token: author.token, body: bodyOf(i, world.categoryId), headers: { 'idempotency-key': key } });
        expect(again.status).toBe(201);
        // Nothing was stored the first time: this is a first execution, not a replay.
        expect(again.headers.get('idempotent-replayed')).toBeNull();
      }
      expect(await count(sql`select count(*)::int as n from listings where title like 'coupure %'`)).toBe(PUBLICATIONS);
      const edits = await Promise.all(Array.from({ length: EDITS }, (_, i) =>
        send(world.stack.url, tally, 'PATCH', `${listings}/${world.hot[0]}`, {
          token: editor.token, body: { description: `reprise e${i}` }, headers: { 'if-match': '"1"' },
        })));
      expect(edits.map((e) => e.status).sort()).toEqual([200, ...Array(EDITS - 1).fill(412)]);
      expect(await count(sql`select version as n from listings where id = ${world.hot[0]}`)).toBe(2);
    });
  });
}
