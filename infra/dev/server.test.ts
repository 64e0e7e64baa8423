import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/shared/config';
import { type Database, openPglite } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';
import { startMailbox, type Mailbox } from '../../tests/support/mailbox';
import { DEMO_COOPERATION, DEMO_LISTINGS, DEMO_PASSWORD, DEMO_PENDING, DEMO_PEOPLE, DEMO_TERRITORY } from '../db/demo-data';
import { seedDemo } from '../db/seed';
import { createServer } from './server';

const ORIGIN = 'http://localhost:3999';

describe('npm start server on PGlite with the demo territory', () => {
  let database: Database;
  let mailbox: Mailbox;
  let app: ReturnType<typeof createServer>;
  const call = (method: string, path: string, init: RequestInit = {}) =>
    app.fetch(new Request(`${ORIGIN}${path}`, { method, ...init }));

  beforeAll(async () => {
    database = await openPglite('memory://');
    await migrate(database);
    mailbox = await startMailbox();
    const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: ORIGIN, LOG_LEVEL: 'silent', SMTP_URL: mailbox.url, SECRETS_DIR: '/nonexistent' } as NodeJS.ProcessEnv);
    app = createServer(config, database);
  });
  afterAll(async () => {
    await mailbox?.close();
    await database?.close();
  });

  it('seeds the demo territory once', async () => {
    const first = await seedDemo(database);
    const second = await seedDemo(database);
    expect(first.seeded).toBe(true);
    expect(second.seeded).toBe(false);
    const res = await call('GET', `/api/v1/territories/${DEMO_TERRITORY.slug}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toContain('Bigorre');
  });

  it('lets every demo person sign in with the printed password', async () => {
    for (const person of DEMO_PEOPLE) {
      const res = await call('POST', '/api/v1/auth/login', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: person.email, password: DEMO_PASSWORD }),
      });
      expect(res.status, person.email).toBe(200);
    }
  });

  it('shows visitors the public offers and needs only, and the facilitator the newcomer waiting', async () => {
    const visitor = await call('GET', `/api/v1/territories/${DEMO_TERRITORY.slug}/listings?limit=100`);
    const titles = ((await visitor.json()) as { items: { title: string }[] }).items.map((l) => l.title);
    expect(titles.sort()).toEqual(DEMO_LISTINGS.filter((l) => l.visibility === 'public').map((l) => l.title).sort());
    expect(titles.join(' ')).toContain('Prêt de véhicules du parc hospitalier');

    const login = await call('POST', '/api/v1/auth/login', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_PEOPLE[1].email, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const queue = await call('GET', `/api/v1/territories/${DEMO_TERRITORY.slug}/memberships?status=pending`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(queue.status).toBe(200);
    const pending = ((await queue.json()) as { items: { user: { name: string }; message: string }[] }).items;
    expect(pending).toEqual([expect.objectContaining({ user: expect.objectContaining({ name: DEMO_PENDING.name }), message: DEMO_PENDING.message })]);

    // The demo's confirmed cooperation fulfilled its need and shows in the territory's figures.
    const confirmed = DEMO_COOPERATION.cooperations.find((c) => c.status === 'confirmed')!;
    const need = await call('GET', `/api/v1/territories/${DEMO_TERRITORY.slug}/listings?status=fulfilled&limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const fulfilled = ((await need.json()) as { items: { title: string }[] }).items.map((l) => l.title);
    expect(fulfilled).toEqual([expect.stringContaining(confirmed.listing)]);
  });
});
