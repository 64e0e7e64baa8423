import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NotificationKind, notifications } from '../../schemas/db';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi, type TestUser } from '../../tests/support/harness';
import type { ReceivedMail } from '../../tests/support/mailbox';
import { addMember } from '../../tests/support/members';
import { deliverNotifications } from './delivery';

// Friday 8 January 2027 in Paris (UTC+1): 06:00 and 07:30; Monday 11 January 07:05.
const FRIDAY_EARLY = new Date('2027-01-08T05:00:00Z');
const FRIDAY_DIGEST = new Date('2027-01-08T06:30:00Z');
const MONDAY_DIGEST = new Date('2027-01-11T06:05:00Z');

/** List-Unsubscribe and List-Unsubscribe-Post as mailparser gives them (under "list"). */
function listHeaders(mail: ReceivedMail): { url: URL; post: string | undefined } {
  const list = mail.headers.get('list') as { unsubscribe?: { url?: string }; 'unsubscribe-post'?: { name?: string } } | undefined;
  if (!list?.unsubscribe?.url) throw new Error(`no List-Unsubscribe URL in "${mail.subject}"`);
  return { url: new URL(list.unsubscribe.url), post: list['unsubscribe-post']?.name };
}
const unsubscribeUrl = (mail: ReceivedMail) => listHeaders(mail).url;

describe.each(DATABASE_KINDS)('notification emails and digests on %s', (kind) => {
  let api: TestApi;
  let territory: { id: string; slug: string; name: string };
  let alice: TestUser;
  let bob: TestUser;
  const run = (now: Date) => deliverNotifications(api.deps, { now });
  const add = async (user: TestUser, kind: NotificationKind, title: string) => {
    const id = crypto.randomUUID();
    await api.db.owner.db.insert(notifications).values({ territoryId: territory.id, id, userId: user.id, kind, title, link: `/t/${territory.slug}/notifications` });
    return id;
  };
  const emailedAt = async (id: string) =>
    (await api.db.owner.db.select({ at: notifications.emailedAt }).from(notifications).where(and(eq(notifications.territoryId, territory.id), eq(notifications.id, id))))[0]?.at;
  /** Notification emails (not the address confirmation sent at sign-up). */
  const mailsTo = (user: TestUser) =>
    api.mailbox.messages.filter((m) => m.to.includes(user.email.toLowerCase()) && m.subject.startsWith(`${territory.name} :`));

  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    const admin = await api.signUp('Sophie Animatrice');
    territory = await api.createTerritory(admin, { name: 'Cœur de Bigorre' });
    alice = await api.signUp('Alice Verger');
    bob = await api.signUp('Bruno Fourgon');
    await addMember(api, territory.id, alice);
    await addMember(api, territory.id, bob);
  });
  afterAll(() => api?.close());

  it('runs through the gateway only at /function/digests, never on a public path', async () => {
    expect((await api.call('POST', '/api/v1/internal/digests')).status).toBe(404);
    const res = await api.call('POST', '/function/digests/');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ emails: 0 });
  });

  it('emails « immediately » notifications at once, grouped per person, with one-click unsubscribe headers', async () => {
    const first = await add(alice, 'message', 'Bruno Fourgon vous a écrit : Prêt du fourgon');
    await add(alice, 'response', 'Bruno Fourgon peut vous aider : Cherche abricots');
    const daily = await add(bob, 'saved_search', 'Nouvelle offre pour votre recherche « Véhicules » : Fourgon');
    // The weekly digest of this week was due since Monday 07:00: claimed, though nobody is due.
    const result = await run(FRIDAY_EARLY);
    expect(result).toMatchObject({ emails: 1, notified: 2, periods: ['weekly:2027-W01'] });
    const mail = await api.mailbox.waitFor(alice.email, /2 nouveautés/);
    expect(mail.text).toContain('Bruno Fourgon vous a écrit : Prêt du fourgon');
    expect(mail.text).toContain(`http://soliterr.test/t/${territory.slug}/notifications`);
    expect(mail.text).toMatch(/Se désabonner de ces e-mails : http:\/\/soliterr\.test\/desabonnement\?token=[a-z2-7]+/);
    expect(listHeaders(mail).post).toBe('List-Unsubscribe=One-Click');
    const url = unsubscribeUrl(mail);
    expect(url.pathname).toBe('/api/v1/unsubscribe');
    expect(url.searchParams.get('token')).toMatch(/^[a-z2-7]{32}$/);
    expect(await emailedAt(first)).toBeInstanceOf(Date);
    // Bob's alert waits for the daily digest (default for saved searches), 07:00 in Paris.
    expect(await emailedAt(daily)).toBeNull();
    expect(await run(FRIDAY_EARLY)).toMatchObject({ emails: 0, notified: 0 });
    expect(mailsTo(alice)).toHaveLength(1);
  });

  it('sends the daily digest once after 07:00, and the weekly one from Monday 07:00, each claimed once', async () => {
    await api.call('PUT', '/api/v1/me/notification-preferences', { token: bob.token, body: { preferences: { match: 'weekly' } } });
    const weekly = await add(bob, 'match', 'Suggestion : Fourgon frigorifique');
    const first = await run(FRIDAY_DIGEST);
    expect(first.periods).toEqual(['daily:2027-01-08']);
    expect(first).toMatchObject({ emails: 1, notified: 1 });
    const digest = await api.mailbox.waitFor(bob.email, /résumé du jour/);
    expect(digest.text).toContain('« Véhicules » : Fourgon');
    expect(digest.text).not.toContain('Fourgon frigorifique');
    expect(listHeaders(digest).post).toBe('List-Unsubscribe=One-Click');
    // A second run, or a second replica, finds both periods taken.
    expect(await run(FRIDAY_DIGEST)).toMatchObject({ emails: 0, periods: [] });
    expect(await emailedAt(weekly)).toBeNull();
    const monday = await run(MONDAY_DIGEST);
    expect(monday.periods).toEqual(['daily:2027-01-11', 'weekly:2027-W02']);
    const week = await api.mailbox.waitFor(bob.email, /résumé de la semaine/);
    expect(week.text).toContain('Suggestion : Fourgon frigorifique');
    expect(await emailedAt(weekly)).toBeInstanceOf(Date);
    expect(mailsTo(bob)).toHaveLength(2);
  });

  it('marks « never » notifications handled without email', async () => {
    await api.call('PUT', '/api/v1/me/notification-preferences', { token: alice.token, body: { preferences: { cooperation: 'never' } } });
    const id = await add(alice, 'cooperation', 'Coopération à confirmer');
    expect(await run(MONDAY_DIGEST)).toMatchObject({ emails: 0, skipped: 1 });
    expect(await emailedAt(id)).toBeInstanceOf(Date);
    expect(mailsTo(alice)).toHaveLength(1);
  });

  it('unsubscribes in one click with the token of the email, after a GET that changes nothing', async () => {
    const url = unsubscribeUrl(mailsTo(alice)[0]);
    const path = `${url.pathname}${url.search}`;
    const look = await api.call('GET', path);
    expect(look.status).toBe(200);
    expect(look.body.kinds.sort()).toEqual(['message', 'response']);
    expect(look.body.email).toBe(`${alice.email[0]}…@example.fr`);
    const before = await api.call('GET', '/api/v1/me/notification-preferences', { token: alice.token });
    expect(before.body.preferences).toMatchObject({ message: 'immediately', response: 'immediately' });

    const json = await api.call('POST', path, { body: { 'List-Unsubscribe': 'One-Click' } });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('unsupported_media_type');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const wrong = await api.call('POST', path, { raw: 'List-Unsubscribe=Later', headers: form });
    expect(wrong.status).toBe(400);
    // No session and a foreign Origin: the token alone is the authorisation (RFC 8058).
    const res = await api.call('POST', path, { raw: 'List-Unsubscribe=One-Click', headers: { ...form, origin: 'https://mail.example.org' } });
    expect(res.status).toBe(200);
    expect(res.body.unsubscribed.sort()).toEqual(['message', 'response']);
    const after = await api.call('GET', '/api/v1/me/notification-preferences', { token: alice.token });
    expect(after.body.preferences).toMatchObject({ message: 'never', response: 'never', membership: 'immediately' });

    const id = await add(alice, 'message', 'Un nouveau message');
    expect(await run(MONDAY_DIGEST)).toMatchObject({ emails: 0, skipped: 1 });
    expect(await emailedAt(id)).toBeInstanceOf(Date);
    expect(mailsTo(alice)).toHaveLength(1);
  });

  it('answers 404 for an unknown link, whatever the method', async () => {
    const path = '/api/v1/unsubscribe?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await api.call('GET', path)).body.code).toBe('unsubscribe_link_not_found');
    const res = await api.call('POST', path, { raw: 'List-Unsubscribe=One-Click', headers: form });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await api.call('POST', '/api/v1/unsubscribe?token=x', { raw: 'List-Unsubscribe=One-Click', headers: form })).status).toBe(400);
  });
});
