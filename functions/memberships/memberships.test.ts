import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi, type TestUser } from '../../tests/support/harness';

describe.each(DATABASE_KINDS)('memberships on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    // Many people sign up here: the per-address sign-up limit is tested by the auth suite.
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
  });
  afterAll(() => api?.close());

  const base = (slug: string) => `/api/v1/territories/${slug}/memberships`;
  const join = (user: TestUser, slug: string, body: Record<string, unknown> = { acceptCharter: true }) =>
    api.call('POST', base(slug), { token: user.token, body });
  /** A person who joined and was approved (then given a role) by the admin. */
  async function member(admin: TestUser, slug: string, role: 'member' | 'facilitator' | 'admin' = 'member', name?: string) {
    const user = await api.signUp(name);
    const joined = await join(user, slug);
    if (joined.body.status === 'pending') {
      expect((await api.call('POST', `${base(slug)}/${joined.body.id}/approve`, { token: admin.token })).status).toBe(200);
    }
    if (role !== 'member') {
      expect((await api.call('PATCH', `${base(slug)}/${joined.body.id}`, { token: admin.token, body: { role } })).status).toBe(200);
    }
    return { ...user, membershipId: joined.body.id as string };
  }
  const actions = async (admin: TestUser, slug: string) =>
    (await api.call('GET', `/api/v1/territories/${slug}/audit-log`, { token: admin.token })).body.items.map((e: { action: string }) => e.action);

  it('lets anyone join an open territory at once, after accepting its charter', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { membershipPolicy: 'open' });
    const producer = await api.signUp('Jeanne Confitures');
    const refused = await join(producer, t.slug, { acceptCharter: false });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('charter_not_accepted');
    expect((await join(producer, t.slug, { acceptCharter: true, organisationId: crypto.randomUUID() })).status).toBe(400);
    expect((await join(producer, t.slug, { acceptCharter: true, message: 'x'.repeat(2001) })).status).toBe(400);
    const joined = await join(producer, t.slug, { acceptCharter: true, message: 'Je produis des confitures.' });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ role: 'member', status: 'active', user: { id: producer.id, name: 'Jeanne Confitures' } });
    expect(joined.body.charterAcceptedAt).toBeTruthy();
    expect(joined.body.user.email).toBeUndefined();
    const again = await join(producer, t.slug);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_member');
    // The problem's own status stays the HTTP status; the membership's has its own member.
    expect(again.body).toMatchObject({ status: 409, membershipStatus: 'active' });
    const list = await api.call('GET', base(t.slug), { token: producer.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { user: { name: string } }) => m.user.name)).toContain('Jeanne Confitures');
  });

  it('queues requests to an approval territory and mails its admins and facilitators', async () => {
    const admin = await api.signUp('Sophie Admin');
    const t = await api.createTerritory(admin, { membershipPolicy: 'approval' });
    const facilitator = await member(admin, t.slug, 'facilitator', 'Paul Animateur');
    const active = await member(admin, t.slug);
    const hospital = await api.signUp('Hôpital de Lannemezan');
    const asked = await join(hospital, t.slug, { acceptCharter: true, message: 'Nous pouvons prêter nos véhicules.' });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('pending');
    for (const to of [admin, facilitator]) {
      const mail = await api.mailbox.waitFor(to.email, /Hôpital de Lannemezan demande à rejoindre/);
      expect(mail.text).toContain('Nous pouvons prêter nos véhicules.');
      expect(mail.text).toContain(`/t/${t.slug}/admin/membres`);
    }
    const mine = await api.call('GET', `${base(t.slug)}/me`, { token: hospital.token });
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('pending');
    // The pending queue: admins and facilitators only, with emails and messages.
    for (const moderator of [admin, facilitator]) {
      const queue = await api.call('GET', `${base(t.slug)}?status=pending`, { token: moderator.token });
      expect(queue.status).toBe(200);
      expect(queue.body.items).toEqual([
        expect.objectContaining({ id: asked.body.id, message: 'Nous pouvons prêter nos véhicules.', user: expect.objectContaining({ email: hospital.email }) }),
      ]);
    }
    const seenByMember = await api.call('GET', base(t.slug), { token: active.token });
    expect(seenByMember.body.items.map((m: { id: string }) => m.id)).not.toContain(asked.body.id);
    // Members see active members without emails, and no request message but their own.
    expect(seenByMember.body.items.every((m: Record<string, any>) => m.status === 'active' && !m.user.email && (m.user.id === active.id || m.message === undefined))).toBe(true);
    expect((await api.call('GET', `${base(t.slug)}?status=pending`, { token: active.token })).status).toBe(403);
    expect((await api.call('GET', base(t.slug), { token: hospital.token })).status).toBe(403);
    expect((await api.call('GET', base(t.slug))).status).toBe(401);
    const outsider = await api.signUp();
    expect((await api.call('GET', `${base(t.slug)}/me`, { token: outsider.token })).body.code).toBe('not_a_member');
  });

  it('refuses requests to an invitation-only territory', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { membershipPolicy: 'invitation' });
    const res = await join(await api.signUp(), t.slug);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('invitation_only');
    const hidden = await api.createTerritory(admin, { membershipPolicy: 'open', visibility: 'private' });
    expect((await join(await api.signUp(), hidden.slug)).status).toBe(404);
  });

  it('approves, rejects and suspends with an audit entry and a mail to the person', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { name: 'Coteaux solidaires' });
    const facilitator = await member(admin, t.slug, 'facilitator');
    const alice = await api.signUp('Alice Verger');
    const bob = await api.signUp('Bob Anonyme');
    const a = (await join(alice, t.slug)).body;
    const b = (await join(bob, t.slug)).body;
    const decide = (who: TestUser, id: string, action: string, body?: unknown) =>
      api.call('POST', `${base(t.slug)}/${id}/${action}`, { token: who.token, body });

    const approved = await decide(facilitator, a.id, 'approve', { message: 'Bienvenue parmi nous !' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', decisionMessage: 'Bienvenue parmi nous !' });
    expect((await api.mailbox.waitFor(alice.email, /adhésion à Coteaux solidaires est acceptée/)).text).toContain('Bienvenue parmi nous !');
    expect((await decide(alice, b.id, 'approve')).status).toBe(403);
    const rejected = await decide(admin, b.id, 'reject', { message: 'Compte anonyme.' });
    expect(rejected.body.status).toBe('rejected');
    await api.mailbox.waitFor(bob.email, /n'est pas retenue/);
    const mine = await api.call('GET', `${base(t.slug)}/me`, { token: bob.token });
    expect(mine.body).toMatchObject({ status: 'rejected', decisionMessage: 'Compte anonyme.' });
    // A refused person may ask again: back in the queue, the old decision cleared.
    const askedAgain = await join(bob, t.slug, { acceptCharter: true, message: 'Je représente la ferme Dupin.' });
    expect(askedAgain.status).toBe(201);
    expect(askedAgain.body).toMatchObject({ status: 'pending', role: 'member' });
    expect((await api.call('GET', `${base(t.slug)}/me`, { token: bob.token })).body.decisionMessage ?? null).toBeNull();
    expect((await decide(admin, b.id, 'reject')).body.status).toBe('rejected');

    const invalid = await decide(admin, a.id, 'approve');
    expect(invalid.status).toBe(409);
    expect(invalid.body).toMatchObject({ code: 'invalid_transition', status: 409, membershipStatus: 'active' });
    expect((await decide(admin, b.id, 'suspend')).body.code).toBe('invalid_transition');
    expect((await decide(admin, a.id, 'reject')).body.code).toBe('invalid_transition');
    expect((await decide(admin, a.id, 'suspend')).body.status).toBe('suspended');
    await api.mailbox.waitFor(alice.email, /suspendue/);
    expect((await decide(admin, a.id, 'approve')).body.status).toBe('active');
    await api.mailbox.waitFor(alice.email, /de nouveau active/);

    expect(await actions(admin, t.slug)).toEqual(
      expect.arrayContaining(['membership.approved', 'membership.rejected', 'membership.suspended']),
    );
    // A member sees a decision about themselves, not about others.
    const seen = await api.call('GET', base(t.slug), { token: alice.token });
    expect(seen.body.items.find((m: { id: string }) => m.id === facilitator.membershipId)).not.toHaveProperty('decisionMessage');
  });

  it('writes the decision mail in English for English speakers', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { name: 'Pyrenees network' });
    const reg = await api.call('POST', '/api/v1/auth/register', {
      body: { email: `english.${Date.now()}@example.org`, password: 'a good long passphrase', name: 'Emma', locale: 'en' },
    });
    const emma = { ...reg.body.user, token: reg.body.token };
    const asked = await join(emma, t.slug);
    await api.call('POST', `${base(t.slug)}/${asked.body.id}/approve`, { token: admin.token });
    expect((await api.mailbox.waitFor(emma.email, /your membership of Pyrenees network is accepted/)).text).toMatch(/^Hello Emma/);
  });

  it('keeps the admin role for admins: facilitators cannot grant it nor touch admins', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { name: 'Réseau des Baronnies' });
    const facilitator = await member(admin, t.slug, 'facilitator');
    const other = await member(admin, t.slug);
    await api.mailbox.waitFor(facilitator.email, /votre rôle dans Réseau des Baronnies : animateur/);
    const adminMembership = (await api.call('GET', `${base(t.slug)}/me`, { token: admin.token })).body.id;
    const patch = (who: TestUser, id: string, body: unknown) => api.call('PATCH', `${base(t.slug)}/${id}`, { token: who.token, body });

    const promote = await patch(facilitator, other.membershipId, { role: 'admin' });
    expect(promote.status).toBe(403);
    expect(promote.body.code).toBe('admin_only');
    expect((await patch(facilitator, adminMembership, { role: 'member' })).status).toBe(403);
    expect((await api.call('POST', `${base(t.slug)}/${adminMembership}/suspend`, { token: facilitator.token })).status).toBe(403);
    expect((await patch(other, facilitator.membershipId, { role: 'member' })).status).toBe(403);
    expect((await patch(facilitator, facilitator.membershipId, { role: 'admin' })).body.code).toBe('own_role');
    expect((await patch(facilitator, other.membershipId, { role: 'facilitator' })).body.role).toBe('facilitator');
    expect((await patch(admin, other.membershipId, { role: 'admin' })).body.role).toBe('admin');
    expect((await patch(admin, other.membershipId, { colour: 'red' })).status).toBe(400);
    expect((await patch(admin, other.membershipId, {})).status).toBe(400);
    expect(await actions(admin, t.slug)).toContain('membership.role_changed');
  });

  it('lets people leave, but never the last admin', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { membershipPolicy: 'open' });
    const leave = (who: TestUser) => api.call('POST', `${base(t.slug)}/me/leave`, { token: who.token });
    const last = await leave(admin);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_admin');
    const other = await member(admin, t.slug, 'admin');
    const left = await leave(admin);
    expect(left.status).toBe(200);
    expect(left.body.status).toBe('left');
    expect((await leave(admin)).body.code).toBe('not_a_member');
    expect((await leave(other)).body.code).toBe('last_admin');
    // Asking again after leaving: the same membership starts afresh, as a plain member.
    const back = await join(admin, t.slug);
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ status: 'active', role: 'member' });
  });

  it('pages through members newest first and refuses forged cursors', async () => {
    const admin = await api.signUp();
    const t = await api.createTerritory(admin, { membershipPolicy: 'open' });
    for (let i = 0; i < 4; i++) await join(await api.signUp(`Membre ${i}`), t.slug);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await api.call('GET', `${base(t.slug)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: admin.token });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((m: { id: string }) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const forged = await api.call('GET', `${base(t.slug)}?cursor=bm90LWpzb24`, { token: admin.token });
    expect(forged.body.code).toBe('invalid_cursor');
    expect((await api.call('GET', `${base(t.slug)}?status=bogus`, { token: admin.token })).status).toBe(400);
    expect((await api.call('GET', `${base(t.slug)}?role=admin&extra=1`, { token: admin.token })).status).toBe(400);
    expect((await api.call('POST', `${base(t.slug)}/not-a-uuid/approve`, { token: admin.token })).status).toBe(400);
    const raw = await api.call('POST', base(t.slug), { token: admin.token, raw: '{"acceptCharter":', headers: { 'content-type': 'application/json' } });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('keeps territories apart: nobody reads or decides the memberships of another territory', async () => {
    const adminA = await api.signUp();
    const a = await api.createTerritory(adminA);
    const adminB = await api.signUp();
    const b = await api.createTerritory(adminB);
    const hidden = await api.createTerritory(adminB, { visibility: 'private', membershipPolicy: 'open' });
    const pendingB = (await join(await api.signUp(), b.slug)).body;
    expect((await api.call('GET', base(b.slug), { token: adminA.token })).status).toBe(403);
    expect((await api.call('GET', base(hidden.slug), { token: adminA.token })).status).toBe(404);
    // B's membership through A's slug is simply not there; through B's slug, A's admin is nobody.
    expect((await api.call('POST', `${base(a.slug)}/${pendingB.id}/approve`, { token: adminA.token })).status).toBe(404);
    expect((await api.call('POST', `${base(b.slug)}/${pendingB.id}/approve`, { token: adminA.token })).status).toBe(403);
    expect((await api.call('PATCH', `${base(a.slug)}/${pendingB.id}`, { token: adminA.token, body: { role: 'admin' } })).status).toBe(404);
    const stillPending = await api.call('GET', `${base(b.slug)}?status=pending`, { token: adminB.token });
    expect(stillPending.body.items.map((m: { id: string }) => m.id)).toEqual([pendingB.id]);
  });
});
