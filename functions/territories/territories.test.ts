import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';

describe.each(DATABASE_KINDS)('territories on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(() => api?.close());

  it('signs up a territory together with its first admin account', async () => {
    const res = await api.call('POST', '/api/v1/territories', {
      body: {
        territory: {
          slug: 'coteaux-de-bigorre',
          name: 'Communauté de communes des Coteaux',
          departement: 'Hautes-Pyrénées',
          centerLat: 43.23,
          centerLon: 0.07,
          membershipPolicy: 'approval',
        },
        admin: { email: 'animation@coteaux.example.fr', password: 'une charte partagée', name: 'Sophie Animatrice' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.territory).toMatchObject({
      slug: 'coteaux-de-bigorre',
      visibility: 'public',
      membershipPolicy: 'approval',
      myMembership: { role: 'admin', status: 'active' },
    });
    expect(res.body.session.token).toMatch(/^[a-z2-7]+$/);
    await api.mailbox.waitFor('animation@coteaux.example.fr', /confirmez/);
    const cats = await api.call('GET', '/api/v1/territories/coteaux-de-bigorre/categories');
    expect(cats.body.items.map((c: { slug: string }) => c.slug)).toContain('vehicules-mobilite');
    const audit = await api.call('GET', '/api/v1/territories/coteaux-de-bigorre/audit-log', { token: res.body.session.token });
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'territory.created', actor: { name: 'Sophie Animatrice' } });
  });

  it('refuses a taken or reserved slug and writes nothing', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin);
    const other = await api.signUp();
    const taken = await api.call('POST', '/api/v1/territories', { token: other.token, body: { territory: { slug: t.slug, name: 'Doublon' } } });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('slug_taken');
    const reserved = await api.call('POST', '/api/v1/territories', { token: other.token, body: { territory: { slug: 'admin', name: 'Admin' } } });
    expect(reserved.status).toBe(400);
    const mine = await api.call('GET', '/api/v1/me/territories', { token: other.token });
    expect(mine.body.items).toEqual([]);
  });

  it('creates no account and sends no mail when a new admin asks for a taken slug', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin);
    const email = `fondatrice-${kind}@coteaux.example.fr`;
    const taken = await api.call('POST', '/api/v1/territories', {
      body: { territory: { slug: t.slug, name: 'Doublon' }, admin: { email, password: 'une charte partagée', name: 'Fondatrice' } },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('slug_taken');
    const login = await api.call('POST', '/api/v1/auth/login', { body: { email, password: 'une charte partagée' } });
    expect(login.status).toBe(401);
    // The same request with a free slug then works, and only its mail arrives.
    const created = await api.call('POST', '/api/v1/territories', {
      body: { territory: { slug: `${t.slug}-bis`, name: 'Le bon' }, admin: { email, password: 'une charte partagée', name: 'Fondatrice' } },
    });
    expect(created.status).toBe(201);
    await api.mailbox.waitFor(email, /confirmez/);
    expect(api.mailbox.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('needs an account: anonymous sign-up without admin is refused', async () => {
    const res = await api.call('POST', '/api/v1/territories', { body: { territory: { slug: 'sans-admin', name: 'Sans admin' } } });
    expect(res.status).toBe(401);
  });

  it('lists only public territories in the directory, with cursor pagination and accent-insensitive search', async () => {
    const admin = await api.signUp();
    await api.createTerritory(admin, { name: 'Vallée de l’Adour', departement: 'Hautes-Pyrénées' });
    const hidden = await api.createTerritory(admin, { name: 'Réseau privé des Pyrénées', visibility: 'private' });
    const found = await api.call('GET', '/api/v1/territories?q=vallee');
    expect(found.body.items.map((t: { name: string }) => t.name)).toContain('Vallée de l’Adour');
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await api.call('GET', `/api/v1/territories?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      all.push(...page.body.items.map((t: { slug: string }) => t.slug));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain(hidden.slug);
    const forged = await api.call('GET', '/api/v1/territories?cursor=bm90LWpzb24');
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('invalid_cursor');
    // Well-formed JSON of the wrong kind once reached PostgreSQL (422): a cursor's id is a uuid.
    for (const values of [['Vallée', 'pas-un-uuid'], ['Vall\u0000ée', crypto.randomUUID()]]) {
      const wrong = await api.call('GET', `/api/v1/territories?cursor=${Buffer.from(JSON.stringify(values)).toString('base64url')}`);
      expect(wrong.status, JSON.stringify(values)).toBe(400);
      expect(wrong.body.code).toBe('invalid_cursor');
    }
  });

  it('hides a private territory from outsiders with the same 404 as an unknown one', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { visibility: 'private' });
    const outsider = await api.signUp();
    const hidden = await api.call('GET', `/api/v1/territories/${t.slug}`, { token: outsider.token });
    const unknown = await api.call('GET', '/api/v1/territories/nexiste-pas', { token: outsider.token });
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.code).toBe(unknown.body.code);
    expect(hidden.body.detail).toBe(unknown.body.detail);
    expect((await api.call('GET', `/api/v1/territories/${t.slug}`, { token: admin.token })).status).toBe(200);
  });

  it('lets only admins change settings and categories, and records it in the audit log', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin);
    const stranger = await api.signUp();
    const denied = await api.call('PATCH', `/api/v1/territories/${t.slug}`, { token: stranger.token, body: { name: 'Pris' } });
    expect(denied.status).toBe(403);
    const ok = await api.call('PATCH', `/api/v1/territories/${t.slug}`, {
      token: admin.token,
      body: { charter: 'Nous coopérons.', membershipPolicy: 'open', accentColor: '#2e7d32' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ charter: 'Nous coopérons.', membershipPolicy: 'open', accentColor: '#2e7d32' });
    const cat = await api.call('POST', `/api/v1/territories/${t.slug}/categories`, {
      token: admin.token,
      body: { slug: 'alimentation', labelFr: 'Alimentation', labelEn: 'Food' },
    });
    expect(cat.status).toBe(201);
    const dup = await api.call('POST', `/api/v1/territories/${t.slug}/categories`, {
      token: admin.token,
      body: { slug: 'alimentation', labelFr: 'Alimentation', labelEn: 'Food' },
    });
    expect(dup.status).toBe(409);
    const archived = await api.call('PATCH', `/api/v1/territories/${t.slug}/categories/${cat.body.id}`, { token: admin.token, body: { archived: true } });
    expect(archived.body.archived).toBe(true);
    const visible = await api.call('GET', `/api/v1/territories/${t.slug}/categories`);
    expect(visible.body.items.map((c: { slug: string }) => c.slug)).not.toContain('alimentation');
    const log = await api.call('GET', `/api/v1/territories/${t.slug}/audit-log`, { token: admin.token });
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['territory.updated', 'category.created', 'category.updated']),
    );
    expect((await api.call('GET', `/api/v1/territories/${t.slug}/audit-log`, { token: stranger.token })).status).toBe(403);
  });
});
