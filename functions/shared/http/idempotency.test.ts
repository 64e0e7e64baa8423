// Idempotency-Key on every POST that creates something, through the whole API (gateway,
// functions, database) on PGlite and PostgreSQL. What is stored is checked through the
// owner connection, which row-level security does not filter.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../..';
import { createTestApi, ORIGIN, type TestApi, type TestUser } from '../../../tests/support/harness';
import { addMember } from '../../../tests/support/members';
import { DATABASE_KINDS } from '../../../tests/support/database';
import { buildOpenApiDocument, operationsOf } from '../../docs/document';
import { renderDocsPage } from '../../docs/page';
import { rowsOf } from '../db/client';
import { withContext, withTerritory } from '../db/tenant';

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument(FUNCTIONS, ORIGIN);

  it('offers Idempotency-Key as one shared header parameter on every POST that creates (201), except registration', () => {
    expect(document.components?.parameters?.IdempotencyKey).toMatchObject({ name: 'idempotency-key', in: 'header', required: false });
    const creations = operationsOf(document).filter((e) => e.method === 'post' && e.operation.responses['201']);
    expect(creations.length).toBeGreaterThanOrEqual(6);
    for (const { path, operation } of creations) {
      // Registration has no caller yet to whom a key could belong.
      if (operation.operationId === 'register') continue;
      expect(operation.parameters, path).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
      expect(Object.keys(operation.responses), path).toEqual(expect.arrayContaining(['409', '422']));
    }
  });

  it('shows the shared parameter on the reference page like any other, with a field to try it', () => {
    const page = renderDocsPage(document);
    const createListing = page.slice(page.indexOf('id="op-createListing"'), page.indexOf('</article>', page.indexOf('id="op-createListing"')));
    expect(createListing).toContain('<td><code>idempotency-key</code></td><td>header</td><td>non</td>');
    expect(createListing).toContain('<input name="idempotency-key" data-in="header"');
    expect(page).not.toContain('<code>undefined</code>');
  });
});

describe.each(DATABASE_KINDS)('Idempotency-Key (%s)', (kind) => {
  let api: TestApi;
  let admin: TestUser;
  let member: TestUser;
  let territory: { id: string; slug: string };
  let categoryId: string;
  let base: string;
  let n = 0;

  beforeAll(async () => {
    api = await createTestApi(kind);
    admin = await api.signUp('Sophie Lacoste');
    territory = await api.createTerritory(admin, { name: 'Coteaux de Bigorre', membershipPolicy: 'open' });
    base = `/api/v1/territories/${territory.slug}`;
    member = await api.signUp('Hélène Duffau');
    await addMember(api, territory.id, member);
    const cats = await api.call('GET', `${base}/categories`);
    categoryId = cats.body.items[0].id;
  });
  afterAll(() => api?.close());

  const fleet = (title = `Prêt du minibus de l'hôpital n°${++n}`) => ({
    kind: 'offer', categoryId, title, description: 'Neuf places, le week-end', exchangeModes: ['pret'],
  });
  const post = (path: string, user: TestUser | undefined, body: unknown, key?: string) =>
    api.call('POST', path, { token: user?.token, body, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const stored = async (query: ReturnType<typeof sql>) =>
    api.db.owner.rows<{ n: number }>(await api.db.owner.db.execute(query))[0].n;
  const listingsTitled = (title: string) => stored(sql`select count(*)::int as n from listings where title = ${title}`);
  const keysNamed = (key: string) => stored(sql`select count(*)::int as n from idempotency_keys where key = ${key}`);

  it('replays the first answer to a retry and creates nothing new', async () => {
    const body = fleet();
    const key = crypto.randomUUID();
    const first = await post(`${base}/listings`, member, body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same request, its JSON laid out differently.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post(`${base}/listings`, member, reordered, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await listingsTitled(body.title)).toBe(1);
    expect(await keysNamed(key)).toBe(1);
    // The first answer, even after the listing changed since.
    const edited = await api.call('PATCH', `${base}/listings/${first.body.id}`, {
      token: member.token, body: { description: 'Plus disponible le dimanche' }, headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    expect((await post(`${base}/listings`, member, body, key)).body.description).toBe('Neuf places, le week-end');
  });

  it('refuses the same key with another request (422) and stores nothing for it', async () => {
    const key = crypto.randomUUID();
    expect((await post(`${base}/listings`, member, fleet(), key)).status).toBe(201);
    const other = fleet();
    const reused = await post(`${base}/listings`, member, other, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await listingsTitled(other.title)).toBe(0);
    const elsewhere = await post(`${base}/organisations`, member, { kind: 'entreprise', name: 'Confitures du Val' }, key);
    expect(elsewhere.body.code).toBe('idempotency_key_reused');
  });

  it('keeps keys per person: the same key from someone else is their own request', async () => {
    const key = `commande-${crypto.randomUUID()}`;
    const mine = await post(`${base}/listings`, member, fleet(), key);
    const theirs = await post(`${base}/listings`, admin, fleet(), key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('stores no key for a refused request: the retry runs once the reason is gone', async () => {
    const newcomer = await api.signUp('Lucas Fourcade');
    const body = fleet();
    const key = crypto.randomUUID();
    const refused = await post(`${base}/listings`, newcomer, body, key);
    expect(refused.status).toBe(403);
    expect(await keysNamed(key)).toBe(0);
    expect((await post(`${base}/memberships`, newcomer, { acceptCharter: true })).status).toBe(201);
    const retried = await post(`${base}/listings`, newcomer, body, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await listingsTitled(body.title)).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['longer than 255 characters', 'k'.repeat(256)],
    ['not ASCII', 'clé-café'],
  ])('refuses a key that is %s (400)', async (_label, key) => {
    const body = fleet();
    const res = await post(`${base}/listings`, member, body, key);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(await listingsTitled(body.title)).toBe(0);
  });

  it('accepts 255 printable characters, spaces and punctuation included', async () => {
    const key = `${'a b~!'.repeat(50)}x${crypto.randomUUID()}`.slice(0, 255);
    expect((await post(`${base}/listings`, member, fleet(), key)).status).toBe(201);
    expect(await keysNamed(key)).toBe(1);
  });

  it('lets concurrent duplicates create one listing: the others are replayed or told it is in progress', async () => {
    const body = fleet();
    const key = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(`${base}/listings`, member, body, key)));
    expect(await listingsTitled(body.title)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    expect(created.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    for (const busy of answers.filter((a) => a.status !== 201)) {
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('idempotency_in_progress');
      expect(busy.headers.get('retry-after')).toBe('1');
    }
  });

  it('forgets a key after 24 hours: the key can name a new request', async () => {
    const key = crypto.randomUUID();
    const old = await post(`${base}/listings`, member, fleet(), key);
    await api.db.owner.db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = ${key}`);
    const fresh = await post(`${base}/listings`, member, fleet(), key);
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(fresh.body.id).not.toBe(old.body.id);
    expect(await keysNamed(key)).toBe(1);
    const [row] = api.db.owner.rows<{ hours: number }>(
      await api.db.owner.db.execute(sql`select round(extract(epoch from expires_at - created_at) / 3600)::int as hours from idempotency_keys where key = ${key}`),
    );
    expect(row.hours).toBe(24);
  });

  it('replays every kind of creation: organisation, category, territory, membership, invitation', async () => {
    const newcomer = await api.signUp('Karim Benali');
    const cases: [string, TestUser, string, unknown, ReturnType<typeof sql>][] = [
      ['organisation', member, `${base}/organisations`, { kind: 'etablissement_sante', name: 'Centre hospitalier de Lannemezan' },
        sql`select count(*)::int as n from organisations where name = 'Centre hospitalier de Lannemezan'`],
      ['category', admin, `${base}/categories`, { slug: 'materiel-medical', labelFr: 'Matériel médical', labelEn: 'Medical equipment' },
        sql`select count(*)::int as n from categories where slug = 'materiel-medical'`],
      ['territory', admin, '/api/v1/territories', { territory: { slug: `baronnies-${n}`, name: 'Réseau des Baronnies' } },
        sql`select count(*)::int as n from territories where name = 'Réseau des Baronnies'`],
      ['membership', newcomer, `${base}/memberships`, { acceptCharter: true, message: 'Menuiserie à Trie-sur-Baïse' },
        sql`select count(*)::int as n from memberships where message = 'Menuiserie à Trie-sur-Baïse'`],
      ['invitation', admin, `${base}/invitations`, { email: 'contact@ferme-du-lac.example.fr', role: 'member' },
        sql`select count(*)::int as n from invitations where email = 'contact@ferme-du-lac.example.fr'`],
    ];
    for (const [label, user, path, body, count] of cases) {
      const key = crypto.randomUUID();
      const first = await post(path, user, body, key);
      expect(first.status, `${label}: ${JSON.stringify(first.body)}`).toBe(201);
      const mails = api.mailbox.messages.length;
      const again = await post(path, user, body, key);
      expect(again.status, label).toBe(201);
      expect(again.headers.get('idempotent-replayed'), label).toBe('true');
      expect(again.body, label).toEqual(first.body);
      expect(await stored(count), label).toBe(1);
      // A replay sends no second invitation or join-request email.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.mailbox.messages.length, label).toBe(mails);
    }
  });

  it('shows a stored answer to its owner, in its territory only: not even to the admin', async () => {
    const key = crypto.randomUUID();
    expect((await post(`${base}/listings`, member, fleet(), key)).status).toBe(201);
    const count = sql`select count(*)::int as n from idempotency_keys where key = ${key}`;
    const inTerritory = (userId: string) =>
      withTerritory(api.deps.database, { userId, slug: territory.slug }, async (s) => rowsOf<{ n: number }>(await s.tx.execute(count))[0].n);
    const lookUp = (userId: string | null) =>
      withContext(api.deps.database, { userId }, async (s) => rowsOf(await s.tx.execute(sql`select * from app.my_idempotency_key(${key})`)).length);
    expect(await inTerritory(member.id)).toBe(1);
    expect(await inTerritory(admin.id)).toBe(0);
    expect(await withContext(api.deps.database, { userId: member.id }, async (s) => rowsOf<{ n: number }>(await s.tx.execute(count))[0].n)).toBe(0);
    expect(await lookUp(member.id)).toBe(1);
    expect(await lookUp(admin.id)).toBe(0);
    expect(await lookUp(null)).toBe(0);
  });

  it('ignores the key of an anonymous founder, who has no account to keep it under yet', async () => {
    const key = crypto.randomUUID();
    const res = await post('/api/v1/territories', undefined, {
      territory: { slug: `anonyme-${n++}`, name: 'Tiers-lieu de Vic' },
      admin: { email: `fondatrice.${n}.${kind}@example.fr`, password: 'mot de passe solide', name: 'Jeanne Fondatrice' },
    }, key);
    expect(res.status).toBe(201);
    expect(await keysNamed(key)).toBe(0);
  });
});
