import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi, type TestUser } from '../../tests/support/harness';

describe.each(DATABASE_KINDS)('invitations on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    // Many people sign up here; the invitation limit has its own test below.
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
  });
  afterAll(() => api?.close());

  const base = (slug: string) => `/api/v1/territories/${slug}/invitations`;
  const invite = (who: TestUser, slug: string, body: Record<string, unknown>) => api.call('POST', base(slug), { token: who.token, body });
  const accept = (who: TestUser, slug: string, token: string) => api.call('POST', `${base(slug)}/accept`, { token: who.token, body: { token } });
  /** Invites a new address and returns the token read from the mail's link. */
  async function invited(admin: TestUser, slug: string, role = 'member') {
    const email = `invitee.${crypto.randomUUID().slice(0, 8)}@example.fr`;
    const res = await invite(admin, slug, { email, role, message: 'Rejoignez le réseau des producteurs.' });
    expect(res.status).toBe(201);
    const mail = await api.mailbox.waitFor(email, /vous invite à rejoindre/);
    const link = api.mailbox.linkIn(mail);
    expect(link.pathname).toBe(`/t/${slug}/invitation`);
    return { id: res.body.id as string, email, token: link.searchParams.get('token')!, mail };
  }
  const actions = async (admin: TestUser, slug: string) =>
    (await api.call('GET', `/api/v1/territories/${slug}/audit-log`, { token: admin.token })).body.items.map((e: { action: string }) => e.action);

  it('invites by email and lets the invitee join with the invited role', async () => {
    const admin = await api.signUp('Sophie Admin');
    const t = await api.createTerritory(admin, { membershipPolicy: 'invitation', name: 'Réseau fermé' });
    const inv = await invited(admin, t.slug, 'facilitator');
    expect(inv.mail.subject).toBe('SoliTERR — Sophie Admin vous invite à rejoindre Réseau fermé');
    expect(inv.mail.text).toContain('Rejoignez le réseau des producteurs.');
    const pending = await api.call('GET', base(t.slug), { token: admin.token });
    expect(pending.body.items).toEqual([
      expect.objectContaining({ id: inv.id, email: inv.email, role: 'facilitator', expired: false, invitedBy: expect.objectContaining({ name: 'Sophie Admin' }) }),
    ]);
    expect(JSON.stringify(pending.body)).not.toContain(inv.token);
    const invitee = await api.signUp('Paul Animateur');
    const joined = await accept(invitee, t.slug, inv.token);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ role: 'facilitator', status: 'active', user: { id: invitee.id } });
    expect((await api.call('GET', base(t.slug), { token: admin.token })).body.items).toEqual([]);
    expect(await actions(admin, t.slug)).toContain('invitation.created');
    // Now a facilitator: invites members and facilitators, never admins.
    expect((await invite(invitee, t.slug, { email: 'nouveau@example.fr' })).status).toBe(201);
    const admins = await invite(invitee, t.slug, { email: 'chef@example.fr', role: 'admin' });
    expect(admins.status).toBe(403);
    expect(admins.body.code).toBe('admin_only');
  });

  it('lets the invitee of a private territory in, although they cannot see it before', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { visibility: 'private' });
    const inv = await invited(admin, t.slug);
    const invitee = await api.signUp();
    expect((await api.call('GET', `/api/v1/territories/${t.slug}`, { token: invitee.token })).status).toBe(404);
    const joined = await accept(invitee, t.slug, inv.token);
    expect(joined.status).toBe(200);
    expect(joined.body.status).toBe('active');
    const seen = await api.call('GET', `/api/v1/territories/${t.slug}`, { token: invitee.token });
    expect(seen.status).toBe(200);
    expect(seen.body.myMembership).toMatchObject({ role: 'member', status: 'active' });
    // Someone who left comes back through a new invitation, with its role.
    expect((await api.call('POST', `/api/v1/territories/${t.slug}/memberships/me/leave`, { token: invitee.token })).status).toBe(200);
    const again = await invited(admin, t.slug, 'facilitator');
    const back = await accept(invitee, t.slug, again.token);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ role: 'facilitator', status: 'active' });
  });

  it('uses a token once, never after expiry, revocation or in another territory', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin);
    const other = await api.createTerritory(admin);
    const first = await invited(admin, t.slug);
    const someone = await api.signUp();
    expect((await accept(someone, other.slug, first.token)).body.code).toBe('invitation_not_found');
    expect((await accept(someone, t.slug, first.token)).status).toBe(200);
    const again = await accept(await api.signUp(), t.slug, first.token);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('invitation_not_found');
    expect((await accept(someone, t.slug, 'a'.repeat(32))).status).toBe(404);
    expect((await accept(someone, t.slug, 'not a token!')).status).toBe(400);

    const stale = await invited(admin, t.slug);
    await api.db.owner.db.execute(sql`update invitations set expires_at = now() - interval '1 minute' where id = ${stale.id}`);
    expect((await api.call('GET', base(t.slug), { token: admin.token })).body.items[0]).toMatchObject({ id: stale.id, expired: true });
    expect((await accept(await api.signUp(), t.slug, stale.token)).status).toBe(404);

    const revoked = await invited(admin, t.slug);
    expect((await api.call('DELETE', `${base(t.slug)}/${revoked.id}`, { token: admin.token })).status).toBe(204);
    expect((await accept(await api.signUp(), t.slug, revoked.token)).status).toBe(404);
    expect((await api.call('DELETE', `${base(t.slug)}/${revoked.id}`, { token: admin.token })).status).toBe(404);
    const used = await api.call('DELETE', `${base(t.slug)}/${first.id}`, { token: admin.token });
    expect(used.status).toBe(409);
    expect(used.body.code).toBe('invitation_accepted');
    expect(await actions(admin, t.slug)).toContain('invitation.revoked');
  });

  it('refuses to invite a member twice and to let a member accept', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { membershipPolicy: 'open' });
    const member = await api.signUp();
    await api.call('POST', `/api/v1/territories/${t.slug}/memberships`, { token: member.token, body: { acceptCharter: true } });
    const dup = await invite(admin, t.slug, { email: member.email.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('already_member');
    const inv = await invited(admin, t.slug);
    const twice = await invite(admin, t.slug, { email: inv.email });
    expect(twice.body.code).toBe('already_invited');
    const already = await accept(member, t.slug, inv.token);
    expect(already.status).toBe(409);
    expect(already.body.code).toBe('already_member');
    // Refused, so the invitation is still usable by its real addressee.
    expect((await accept(await api.signUp(), t.slug, inv.token)).status).toBe(200);
    expect((await invite(member, t.slug, { email: 'ami@example.fr' })).status).toBe(403);
    expect((await invite(admin, t.slug, { email: 'pas-une-adresse' })).status).toBe(400);
    expect((await invite(admin, t.slug, { email: 'x@example.fr', role: 'owner' })).status).toBe(400);
    expect((await invite(admin, t.slug, { email: 'x@example.fr', token: 'mine' })).status).toBe(400);
  });

  it('keeps invitations inside their territory', async () => {
    const adminA = await api.signUp();
    const a = await api.createTerritory(adminA);
    const adminB = await api.signUp();
    const b = await api.createTerritory(adminB);
    const invB = await invited(adminB, b.slug);
    expect((await api.call('GET', base(b.slug), { token: adminA.token })).status).toBe(403);
    expect((await invite(adminA, b.slug, { email: 'intrus@example.fr' })).status).toBe(403);
    expect((await api.call('DELETE', `${base(a.slug)}/${invB.id}`, { token: adminA.token })).status).toBe(404);
    expect((await api.call('DELETE', `${base(b.slug)}/${invB.id}`, { token: adminA.token })).status).toBe(403);
    expect((await api.call('GET', base(b.slug), { token: adminB.token })).body.items).toHaveLength(1);
  });

  it('rate-limits the invitations each person sends', async () => {
    const limited = await createTestApi(kind);
    try {
      const admin = await limited.signUp();
      const t = await limited.createTerritory(admin);
      const send = (i: number) => limited.call('POST', base(t.slug), { token: admin.token, body: { email: `limite${i}@example.fr` } });
      for (let i = 0; i < 5; i++) expect((await send(i)).status).toBe(201);
      const refused = await send(5);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
