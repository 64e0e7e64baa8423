import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, ORIGIN, type TestApi } from '../../tests/support/harness';

describe.each(DATABASE_KINDS)('auth on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(() => api?.close());

  it('registers, sends a verification mail over SMTP and verifies the address once', async () => {
    const res = await api.call('POST', '/api/v1/auth/register', {
      body: { email: 'Jeanne.Confitures@Example.fr', password: 'fraises et abricots', name: 'Jeanne' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'jeanne.confitures@example.fr', emailVerified: false, locale: 'fr' });
    expect(res.headers.get('set-cookie')).toMatch(/soliterr_session=[a-z2-7]+;.*HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);

    const mail = await api.mailbox.waitFor('jeanne.confitures@example.fr', /confirmez/);
    const link = api.mailbox.linkIn(mail);
    expect(link.origin).toBe(ORIGIN);
    const token = link.searchParams.get('token')!;
    const verified = await api.call('POST', '/api/v1/auth/verify-email', { body: { token } });
    expect(verified.status).toBe(200);
    expect(verified.body.emailVerified).toBe(true);
    const again = await api.call('POST', '/api/v1/auth/verify-email', { body: { token } });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('token_invalid');
  });

  it('stores only hashes of session and verification tokens', async () => {
    const user = await api.signUp();
    const stored = api.db.owner.rows<{ id: string }>(await api.db.owner.db.execute(
      `select id from sessions where user_id = '${user.id}'` as never,
    ));
    expect(stored).toHaveLength(1);
    expect(stored[0].id).not.toBe(user.token);
    expect(stored[0].id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a second account with the same email, whatever the case', async () => {
    const user = await api.signUp();
    const res = await api.call('POST', '/api/v1/auth/register', {
      body: { email: user.email.toUpperCase(), password: 'un autre mot de passe', name: 'Autre' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_taken');
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('gives the same vague error for an unknown email and a wrong password', async () => {
    const user = await api.signUp();
    const wrong = await api.call('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'pas le bon' } });
    const unknown = await api.call('POST', '/api/v1/auth/login', { body: { email: 'personne@example.fr', password: 'pas le bon' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('logs in with a Bearer token, lists and revokes sessions, logs out', async () => {
    const user = await api.signUp();
    const login = await api.call('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: login.body.token });
    expect(me.body.email).toBe(user.email);
    const list = await api.call('GET', '/api/v1/me/sessions', { token: login.body.token });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect((await api.call('DELETE', `/api/v1/me/sessions/${other.id}`, { token: login.body.token })).status).toBe(204);
    expect((await api.call('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
    expect((await api.call('POST', '/api/v1/auth/logout', { token: login.body.token })).status).toBe(204);
    expect((await api.call('GET', '/api/v1/me', { token: login.body.token })).status).toBe(401);
  });

  it('resets a password by mail, once, and signs out every session', async () => {
    const user = await api.signUp();
    const res = await api.call('POST', '/api/v1/auth/password-reset', { body: { email: user.email } });
    expect(res.status).toBe(202);
    const unknown = await api.call('POST', '/api/v1/auth/password-reset', { body: { email: 'inconnu@example.fr' } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(res.body);
    const mail = await api.mailbox.waitFor(user.email, /nouveau mot de passe/);
    const token = api.mailbox.linkIn(mail).searchParams.get('token')!;
    const confirm = await api.call('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'tout nouveau secret' } });
    expect(confirm.status).toBe(204);
    expect((await api.call('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
    const reuse = await api.call('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'encore un autre' } });
    expect(reuse.status).toBe(404);
    const old = await api.call('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(old.status).toBe(401);
    const fresh = await api.call('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'tout nouveau secret' } });
    expect(fresh.status).toBe(200);
  });

  it('changes a password only with the current one and keeps the current session', async () => {
    const user = await api.signUp();
    const second = await api.call('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    const bad = await api.call('POST', '/api/v1/me/password', { token: user.token, body: { currentPassword: 'faux', newPassword: 'nouveau secret long' } });
    expect(bad.status).toBe(403);
    const ok = await api.call('POST', '/api/v1/me/password', { token: user.token, body: { currentPassword: user.password, newPassword: 'nouveau secret long' } });
    expect(ok.status).toBe(204);
    expect((await api.call('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/me', { token: second.body.token })).status).toBe(401);
  });

  it('rate-limits login attempts on one email with 429 and Retry-After', async () => {
    const user = await api.signUp();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 12; i++) {
      last = await api.call('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'mauvais' } });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    const user = await api.signUp();
    const cookie = `soliterr_session=${user.token}`;
    const evil = await api.call('PATCH', '/api/v1/me', { headers: { cookie, origin: 'https://evil.example' }, body: { name: 'Pirate' } });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('csrf_rejected');
    const same = await api.call('PATCH', '/api/v1/me', { headers: { cookie, origin: ORIGIN }, body: { name: 'Camille' } });
    expect(same.status).toBe(200);
    expect(same.body.name).toBe('Camille');
  });

  it('answers bad input with problem+json, never a 500', async () => {
    const cases = [
      await api.call('POST', '/api/v1/auth/register', { raw: '{"email":', headers: { 'content-type': 'application/json' } }),
      await api.call('POST', '/api/v1/auth/register', { body: { email: 'x@example.fr', password: 'assez long oui', name: 'X', admin: true } }),
      await api.call('POST', '/api/v1/auth/register', { body: { email: 42, password: [], name: null } }),
      await api.call('POST', '/api/v1/auth/register', { raw: 'email=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      await api.call('POST', '/api/v1/auth/register', { body: { email: 'x@example.fr', password: 'a'.repeat(70_000), name: 'X' } }),
      await api.call('GET', '/api/v1/me', { headers: { authorization: 'Bearer not a token' } }),
    ];
    expect(cases.map((c) => c.status)).toEqual([400, 400, 400, 415, 413, 401]);
    for (const c of cases) expect(c.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(cases[1].body.code).toBe('validation_failed');
  });
});
