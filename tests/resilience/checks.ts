// What is really stored after a load, read by the owner (row-level security bypassed),
// against what the clients were told. Returns the problems found; [] means consistent.
import { sql } from 'drizzle-orm';
import type { Database } from '../../functions/shared/db/client';
import type { LoadResult } from './load';

interface StoredListing {
  id: string;
  title: string;
  kind: string;
  category_id: string;
  description: string;
  quantity: string | null;
  unit: string | null;
  exchange_modes: string[] | string;
  visibility: string;
  author_membership_id: string;
  version: number;
}

const modes = (value: string[] | string) => (Array.isArray(value) ? value : value.replace(/[{}]/g, '').split(',').filter(Boolean));

/**
 * Publications: every acknowledged one is stored exactly once, complete, with its key;
 * one the client gave up on is stored at most once; nothing else carries the run's prefix.
 */
export async function checkPublications(owner: Database, load: LoadResult, run: string): Promise<string[]> {
  const problems: string[] = [];
  const rows = owner.rows<StoredListing>(
    await owner.db.execute(sql`
      select id, title, kind, category_id, description, quantity::text as quantity, unit, exchange_modes::text[] as exchange_modes,
             visibility, author_membership_id, version
        from listings where title like ${`${run} %`}`),
  );
  if (load.creates.length === 0) return ['no publication was sent'];
  // drizzle expands an array parameter into a parenthesised list.
  const keys = owner.rows<{ key: string; id: string; user_id: string }>(
    await owner.db.execute(sql`
      select k.key, (k.body::jsonb)->>'id' as id, k.user_id from idempotency_keys k
       where k.key in ${load.creates.map((c) => c.key)}`),
  );
  const byTitle = new Map<string, StoredListing[]>();
  for (const row of rows) byTitle.set(row.title, [...(byTitle.get(row.title) ?? []), row]);
  const keyOf = new Map(keys.map((k) => [k.key, k]));
  const sentTitles = new Set(load.creates.map((c) => c.title));
  for (const title of byTitle.keys()) if (!sentTitles.has(title)) problems.push(`stored but never sent: ${title}`);
  for (const sent of load.creates) {
    const stored = byTitle.get(sent.title) ?? [];
    if (stored.length > 1) problems.push(`${sent.title} stored ${stored.length} times`);
    const key = keyOf.get(sent.key);
    if (sent.id === undefined) {
      // Given up: stored once or not at all, and never without its key (one transaction).
      if (stored.length === 1 && key?.id !== stored[0].id) problems.push(`${sent.title} stored without its key`);
      continue;
    }
    if (stored.length === 0) problems.push(`${sent.title} acknowledged (${sent.id}) but not stored`);
    const [row] = stored;
    if (!row) continue;
    if (row.id !== sent.id) problems.push(`${sent.title}: acknowledged ${sent.id}, stored ${row.id}`);
    if (key?.id !== sent.id || key.user_id !== sent.member.userId) problems.push(`${sent.title}: its Idempotency-Key names ${key?.id}`);
    const b = sent.body as { kind: string; categoryId: string; description: string; quantity: number; unit: string; exchangeModes: string[]; visibility: string };
    const complete =
      row.kind === b.kind && row.category_id === b.categoryId && row.description === b.description &&
      Number(row.quantity) === b.quantity && row.unit === b.unit && modes(row.exchange_modes).join() === b.exchangeModes.join() &&
      row.visibility === b.visibility && row.author_membership_id === sent.member.membershipId;
    if (!complete) problems.push(`${sent.title} stored incompletely: ${JSON.stringify(row)}`);
  }
  const listed = new Set(rows.map((r) => r.id));
  for (const k of keys) if (!listed.has(k.id)) problems.push(`key ${k.key} names ${k.id}, which is not stored`);
  return problems;
}

/**
 * Edits of the hot listings: one acknowledged winner per version, and the final version
 * counts every acknowledged edit (no lost update). An edit whose fate the client could not
 * know may or may not have landed: it widens the bound, never the other way round.
 */
export async function checkEdits(owner: Database, load: LoadResult, hot: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const listingId of hot) {
    const [row] = owner.rows<{ version: number; description: string }>(
      await owner.db.execute(sql`select version, description from listings where id = ${listingId}`),
    );
    const acked = load.updates.filter((u) => u.listingId === listingId).sort((a, b) => a.from - b.from);
    const ambiguous = load.ambiguous[listingId] ?? 0;
    const froms = acked.map((u) => u.from);
    if (new Set(froms).size !== froms.length) problems.push(`${listingId}: two acknowledged edits of the same version ${froms}`);
    for (const u of acked) if (u.to !== u.from + 1) problems.push(`${listingId}: edit of version ${u.from} answered version ${u.to}`);
    if (row.version < 1 + acked.length || row.version > 1 + acked.length + ambiguous) {
      problems.push(`${listingId}: version ${row.version}, but ${acked.length} acknowledged edits (+ ${ambiguous} unknown)`);
    }
    const last = acked.at(-1);
    if (last && last.to === row.version && row.description !== last.marker) {
      problems.push(`${listingId}: the last acknowledged edit (${last.marker}) was lost: "${row.description}"`);
    }
  }
  return problems;
}
