// Accepted text round-trips byte for byte: what people write (any script, emoji,
// right-to-left marks, combining characters, controls, injection strings) is what the
// API answers, what a later read answers, and the exact UTF-8 bytes the database holds.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { storableText } from './strings';
import type { FuzzWorld } from './world';

interface Context {
  w: FuzzWorld;
  runs: number;
  seed: number;
}

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

/** The UTF-8 bytes the database holds, as hex, for each column of one row. */
async function stored(w: FuzzWorld, table: string, id: string, columns: string[]): Promise<Record<string, string | null>> {
  const select = columns.map((c) => sql`encode(convert_to(${sql.identifier(c)}, 'UTF8'), 'hex') as ${sql.identifier(c)}`);
  const owner = w.api.db.owner;
  return owner.rows<Record<string, string | null>>(await owner.db.execute(sql`select ${sql.join(select, sql`, `)} from ${sql.identifier(table)} where id = ${id}::uuid`))[0];
}

function same(sent: Record<string, string>, ...answers: Record<string, unknown>[]) {
  for (const answer of answers) for (const [k, v] of Object.entries(sent)) expect(answer[k], k).toBe(v);
}

function sameBytes(sent: Record<string, string>, bytes: Record<string, string | null>, columns: Record<string, string>) {
  for (const [k, column] of Object.entries(columns)) expect(bytes[column], k).toBe(hex(sent[k]));
}

export function roundTrips(context: () => Context): void {
  const run = async <T>(arb: fc.Arbitrary<T>, check: (value: T) => Promise<void>) => {
    const { runs, seed } = context();
    await fc.assert(fc.asyncProperty(arb, check), { seed, numRuns: runs, endOnFailure: true });
  };
  const auth = (w: FuzzWorld) => ({ token: w.admin.token });

  it('gives back the text of an offer exactly as published', async () => {
    const { w } = context();
    const base = `/api/v1/territories/${w.slug}/listings`;
    await run(fc.record({ title: storableText(3, 140), description: storableText(0, 600), unit: storableText(1, 30), commune: storableText(1, 100) }), async (text) => {
      const created = await w.api.call('POST', base, { ...auth(w), body: { kind: 'offer', categoryId: w.category, exchangeModes: ['don'], quantity: 2, ...text } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const read = await w.api.call('GET', `${base}/${created.body.id}`, auth(w));
      same(text, created.body, read.body);
      sameBytes(text, await stored(w, 'listings', created.body.id, ['title', 'description', 'unit', 'commune']), { title: 'title', description: 'description', unit: 'unit', commune: 'commune' });
    });
  });

  it('gives back the text of an organisation exactly as registered', async () => {
    const { w } = context();
    const base = `/api/v1/territories/${w.slug}/organisations`;
    await run(fc.record({ name: storableText(2, 200), description: storableText(0, 600), address: storableText(0, 300), commune: storableText(0, 120) }), async (text) => {
      const created = await w.api.call('POST', base, { ...auth(w), body: { kind: 'association', ...text } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const read = await w.api.call('GET', `${base}/${created.body.id}`, auth(w));
      same(text, created.body, read.body);
      sameBytes(text, await stored(w, 'organisations', created.body.id, ['name', 'description', 'address', 'commune']), { name: 'name', description: 'description', address: 'address', commune: 'commune' });
    });
  });

  it("gives back a territory's presentation and charter exactly as written", async () => {
    const { w } = context();
    const path = `/api/v1/territories/${w.slug}`;
    await run(fc.record({ name: storableText(2, 120), description: storableText(0, 600), charter: storableText(0, 2000), region: storableText(0, 80) }), async (text) => {
      const updated = await w.api.call('PATCH', path, { ...auth(w), body: text });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      same(text, updated.body, (await w.api.call('GET', path, auth(w))).body);
      const [row] = await w.api.db.owner.rows<{ id: string }>(await w.api.db.owner.db.execute(sql`select id::text from territories where slug = ${w.slug}`));
      sameBytes(text, await stored(w, 'territories', row.id, ['name', 'description', 'charter', 'region']), { name: 'name', description: 'description', charter: 'charter', region: 'region' });
    });
  });

  it("gives back a person's name exactly as typed", async () => {
    const { w } = context();
    await run(fc.record({ name: storableText(1, 120) }), async (text) => {
      const updated = await w.api.call('PATCH', '/api/v1/me', { ...auth(w), body: text });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      same(text, updated.body, (await w.api.call('GET', '/api/v1/me', auth(w))).body);
      sameBytes(text, await stored(w, 'users', w.admin.id, ['name']), { name: 'name' });
    });
  });
}
