// The world the attack runs in, built through the API itself: territory A (public,
// approval) with one caller of every kind, and the target side: territory B (public,
// invitation only) and P (private), run by B's people. Everything of B and P carries a
// unique marker string (titles, descriptions, names, messages, slugs, ids, emails), so a
// marker in a response to one of A's callers is a leak (leaks.ts).
import { sql } from 'drizzle-orm';
import { hashToken } from '../../../functions/shared/auth/tokens';
import { type CallOptions, ORIGIN, type TestApi, type TestUser } from '../../support/harness';
import { type Marker, MarkerBook } from './markers';

export interface Side {
  id: string;
  slug: string;
}

export interface World {
  api: TestApi;
  A: Side & { listingsCursor: string; listingPublic: string; listingMembers: string; organisation: string; category: string; invitationToken: string };
  B: Side & {
    listingPublic: string; listingMembers: string; listingClosed: string;
    organisationPublic: string; organisationSecret: string; organisationSiret: string;
    category: string; categorySlug: string;
    /** The Idempotency-Keys B's member and admin created with. */
    idempotencyKeys: { organisation: string; category: string; listing: string };
    membershipAdmin: string; membershipMember: string; membershipPending: string; membershipRejected: string; membershipSuspended: string;
    invitation: string; invitationToken: string; invitationEmail: string;
    adminEmail: string; memberEmail: string; adminPassword: string; adminSession: string;
    /** The keyset of the public listing, to forge cursors that point into B. */
    listingPublicCreatedKey: string;
    membershipCreatedAt: string; invitationCreatedAt: string; auditEntry: { id: string; createdAt: string };
    secretOrganisationName: string; membersListingTitle: string; privateName: string;
    /** A private conversation between two of B's members, the cooperation recorded from it, a member's saved search, the notifications they caused. */
    membershipFacilitator: string; conversation: string; cooperation: string; savedSearch: string; notifications: string[];
  };
  P: Side & { listing: string; organisation: string; membership: string; category: string; invitationToken: string };
  /** The people of B and P only (their account rows are checksummed too). */
  targetUserIds: string[];
  callers: Caller[];
  markers: Marker[];
}

const SIRETS = ['73282932000074', '35600000000010', '35600000000048'];

export async function buildWorld(api: TestApi): Promise<World> {
  const book = new MarkerBook();
  const m = (label: string, level: Marker['level']) => book.add(label, level);
  const ok = (res: { status: number; body: any }, what: string) => {
    if (res.status >= 300) throw new Error(`world: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const as = (who: TestUser) => ({ token: who.token });
  const t = (slug: string) => `/api/v1/territories/${slug}`;
  async function invite(by: TestUser, slug: string, email: string, role: string, message = '') {
    const inv = ok(await api.call('POST', `${t(slug)}/invitations`, { ...as(by), body: { email, role, message } }), `invite ${email}`);
    const token = api.mailbox.linkIn(await api.mailbox.waitFor(email, /invite/)).searchParams.get('token')!;
    return { id: inv.id as string, token, createdAt: inv.createdAt as string };
  }
  async function invited(by: TestUser, slug: string, who: TestUser, role: string) {
    const { token } = await invite(by, slug, who.email, role);
    return ok(await api.call('POST', `${t(slug)}/invitations/accept`, { ...as(who), body: { token } }), 'accept').id as string;
  }
  const join = async (who: TestUser, slug: string, message = '') =>
    ok(await api.call('POST', `${t(slug)}/memberships`, { ...as(who), body: { acceptCharter: true, message } }), 'join').id as string;
  const decide = async (by: TestUser, slug: string, id: string, action: string, message = '') =>
    ok(await api.call('POST', `${t(slug)}/memberships/${id}/${action}`, { ...as(by), body: { message } }), action);
  const categoryOf = async (who: TestUser, slug: string, category: string) =>
    (ok(await api.call('GET', `${t(slug)}/categories`, as(who)), 'categories').items as { id: string; slug: string }[]).find((c) => c.slug === category)!.id;
  const listing = async (who: TestUser, slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    ok(await api.call('POST', `${t(slug)}/listings`, { ...as(who), headers, body: { kind: 'offer', exchangeModes: ['pret'], ...body } }), 'listing').id as string;

  // Territory A and one caller of every kind.
  const adminA = await api.signUp('Sophie Lacoste');
  const A = await api.createTerritory(adminA, { name: 'Coteaux de Bigorre', visibility: 'public', membershipPolicy: 'approval' });
  const facilitatorA = await api.signUp('Karim Benali');
  await invited(adminA, A.slug, facilitatorA, 'facilitator');
  const memberA = await api.signUp('Hélène Duffau');
  await decide(facilitatorA, A.slug, await join(memberA, A.slug), 'approve');
  const clientA = await api.signUp('Intégration site de la communauté');
  await decide(adminA, A.slug, await join(clientA, A.slug), 'approve');
  const pendingA = await api.signUp('Lucas Fourcade');
  await join(pendingA, A.slug, 'Bonjour, je tiens une ferme à Tournay.');
  const both = await api.signUp('Marie Dupuy');
  await invited(adminA, A.slug, both, 'admin');
  const organisationA = ok(await api.call('POST', `${t(A.slug)}/organisations`, { ...as(memberA), body: { kind: 'entreprise', name: "Confitures du Val d'Arros", siret: SIRETS[2] } }), 'org A').id;
  const categoryA = await categoryOf(adminA, A.slug, 'matieres-approvisionnement');
  const listingPublicA = await listing(memberA, A.slug, { kind: 'need', title: 'Recherche fruits rouges', categoryId: categoryA, visibility: 'public' });
  const listingMembersA = await listing(memberA, A.slug, { title: 'Bocaux de confiture invendus', categoryId: categoryA, visibility: 'members' });
  const invitationA = await invite(adminA, A.slug, 'contact@ferme-du-lac.example.fr', 'member');
  const listingsCursor = ok(await api.call('GET', `${t(A.slug)}/listings?status=all&limit=1`, as(adminA)), 'cursor').nextCursor as string;

  // Territory B: public, so A's callers reach its handlers; its secrets are members-only.
  const adminB = await api.signUp(`Claire Vidal ${m('admin-b-name', 'members')}`);
  // Everyone signed up with the harness's password: B's admin gets one of her own.
  const adminPassword = `${book.tag} phrase de passe de Claire`;
  ok(await api.call('POST', '/api/v1/me/password', { ...as(adminB), body: { currentPassword: adminB.password, newPassword: adminPassword } }), 'password B');
  const B = await api.createTerritory(adminB, {
    slug: book.slug('reseau-b'), name: `Réseau ${m('b-name', 'public')}`, description: m('b-description', 'public'),
    departement: m('b-departement', 'public'), charter: m('b-charter', 'public'), visibility: 'public', membershipPolicy: 'approval',
  });
  const facilitatorB = await api.signUp(`Thomas Baylac ${m('facilitator-b-name', 'members')}`);
  const membershipFacilitator = await invited(adminB, B.slug, facilitatorB, 'facilitator');
  const memberB = await api.signUp(`Paul Sarrat ${m('member-b-name', 'members')}`);
  const membershipMember = await invited(adminB, B.slug, memberB, 'member');
  const bothInB = await invited(adminB, B.slug, both, 'member');
  book.value(bothInB, 'members', 'membership of the person in both', 'both');
  const pendingB = await api.signUp(`Inès Castet ${m('pending-b-name', 'secret')}`);
  const membershipPending = await join(pendingB, B.slug, m('pending-b-message', 'secret'));
  const rejectedB = await api.signUp(`Jules Noguès ${m('rejected-b-name', 'secret')}`);
  const membershipRejected = await join(rejectedB, B.slug);
  await decide(facilitatorB, B.slug, membershipRejected, 'reject', m('rejection-b-message', 'secret'));
  const suspendedB = await api.signUp(`Rose Abadie ${m('suspended-b-name', 'secret')}`);
  const membershipSuspended = await invited(adminB, B.slug, suspendedB, 'member');
  await decide(adminB, B.slug, membershipSuspended, 'suspend', m('suspension-b-message', 'secret'));
  const publicOrgName = `GAEC ${m('org-public-b-name', 'public')}`;
  const organisationPublic = ok(await api.call('POST', `${t(B.slug)}/organisations`, { ...as(memberB), body: {
    kind: 'exploitation_agricole', name: publicOrgName, siret: SIRETS[0], description: m('org-public-b-description', 'public') } }), 'org B').id;
  const secretOrganisationName = `Coopérative ${m('org-secret-b-name', 'members')}`;
  // B's creations carry Idempotency-Keys: A's callers will send the same ones.
  const idempotencyKeys = { organisation: `${book.tag}-cle-structure`, category: `${book.tag}-cle-categorie`, listing: `${book.tag}-cle-annonce` };
  const keyed = (what: keyof typeof idempotencyKeys) => ({ 'idempotency-key': idempotencyKeys[what] });
  const organisationSecret = ok(await api.call('POST', `${t(B.slug)}/organisations`, { ...as(memberB), headers: keyed('organisation'), body: {
    kind: 'association', name: secretOrganisationName, siret: SIRETS[1], description: m('org-secret-b-description', 'members') } }), 'org B2').id;
  const categorySlug = book.slug('cat-b');
  const category = ok(await api.call('POST', `${t(B.slug)}/categories`, { ...as(adminB), headers: keyed('category'), body: {
    slug: categorySlug, labelFr: m('category-b-fr', 'public'), labelEn: m('category-b-en', 'public') } }), 'category B').id;
  const listingPublic = await listing(memberB, B.slug, { title: `Tracteur ${m('listing-public-b-title', 'public')}`,
    description: m('listing-public-b-description', 'public'), categoryId: category, organisationId: organisationPublic, visibility: 'public' });
  const membersListingTitle = `Salle ${m('listing-members-b-title', 'members')}`;
  const listingMembers = await listing(memberB, B.slug, { kind: 'need', title: membersListingTitle,
    description: m('listing-members-b-description', 'members'), categoryId: category, organisationId: organisationSecret, visibility: 'members' }, keyed('listing'));
  const listingClosed = await listing(memberB, B.slug, { title: `Bocaux ${m('listing-closed-b-title', 'members')}`, categoryId: category, visibility: 'public' });
  ok(await api.call('POST', `${t(B.slug)}/listings/${listingClosed}/close`, as(memberB)), 'close');
  // Cooperation inside B: a private conversation between two of B's members about the
  // members-only need, and the cooperation its author records. Both are secret even to B's
  // other members (the person in both territories is one).
  const conversation = ok(await api.call('POST', `${t(B.slug)}/listings/${listingMembers}/responses`, {
    ...as(facilitatorB), body: { body: m('conversation-b-first', 'secret') } }), 'respond B').id as string;
  ok(await api.call('POST', `${t(B.slug)}/conversations/${conversation}/messages`, { ...as(memberB), body: { body: m('conversation-b-reply', 'secret') } }), 'reply B');
  const cooperation = ok(await api.call('POST', `${t(B.slug)}/cooperations`, { ...as(memberB), body: {
    listingId: listingMembers, conversationId: conversation, partners: [{ membershipId: membershipFacilitator }],
    summary: m('cooperation-b-summary', 'secret'), kmAvoided: 42 } }), 'cooperation B').id as string;
  const savedSearch = ok(await api.call('POST', `${t(B.slug)}/saved-searches`, { ...as(memberB), body: {
    label: m('saved-search-b-label', 'secret'), kind: 'offer', categoryId: category, q: m('saved-search-b-words', 'secret') } }), 'saved search B').id as string;
  const invitationEmail = `${m('invitee-b', 'secret')}@example.fr`;
  const invitationB = await invite(adminB, B.slug, invitationEmail, 'member', m('invitation-b-message', 'secret'));
  // From now on B takes members by invitation only: A's callers cannot simply join it.
  ok(await api.call('PATCH', t(B.slug), { ...as(adminB), body: { membershipPolicy: 'invitation' } }), 'policy B');

  // Territory P: private, run by B's admin; nothing of it is visible outside.
  const privateName = `Cercle ${m('p-name', 'secret')}`;
  const P = await api.createTerritory(adminB, { slug: book.slug('prive'), name: privateName, description: m('p-description', 'secret'), visibility: 'private', membershipPolicy: 'invitation' });
  const organisationP = ok(await api.call('POST', `${t(P.slug)}/organisations`, { ...as(adminB), body: { kind: 'collectivite', name: `Mairie ${m('org-p-name', 'secret')}` } }), 'org P').id;
  const categoryP = await categoryOf(adminB, P.slug, 'locaux-espaces');
  const listingP = await listing(adminB, P.slug, { title: `Local ${m('listing-p-title', 'secret')}`, categoryId: categoryP, visibility: 'public' });
  // Logos whose bytes carry markers: B's is public, P's is seen by no one outside P.
  const logo = async (slug: string, marker: string) =>
    ok(await api.call('PUT', `${t(slug)}/logo`, { ...as(adminB), headers: { 'content-type': 'image/png' },
      raw: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode(marker)]) }), 'logo');
  await logo(B.slug, m('logo-b', 'public'));
  await logo(P.slug, m('logo-p', 'secret'));
  const invitationP = await invite(adminB, P.slug, `${m('invitee-p', 'secret')}@example.fr`, 'member');

  // What only the owner connection can tell: keys to forge cursors with.
  const owner = api.db.owner;
  const [keys] = owner.rows<{ listing: string; membership: string; audit_id: string; audit_at: string }>(await owner.db.execute(
    sql`select
      (select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from listings where id = ${listingPublic}) as listing,
      (select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from memberships where id = ${membershipPending}) as membership,
      (select id::text from audit_log where territory_id = ${B.id} order by created_at desc limit 1) as audit_id,
      (select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from audit_log where territory_id = ${B.id} order by created_at desc limit 1) as audit_at`));

  const targetPeople = [adminB, facilitatorB, memberB, pendingB, rejectedB, suspendedB];
  for (const p of targetPeople) {
    const active = [adminB, facilitatorB, memberB].includes(p);
    book.value(p.id, active ? 'members' : 'secret', 'user id');
    book.value(p.email, 'secret', 'email');
  }
  book.value(B.id, 'public', 'territory id');
  book.value(B.slug, 'public', 'territory slug');
  for (const [id, level] of [[organisationPublic, 'public'], [organisationSecret, 'members'], [category, 'public'], [listingPublic, 'public'],
    [listingMembers, 'members'], [listingClosed, 'members'], [membershipMember, 'members'], [B.myMembership.id, 'members'],
    [membershipPending, 'secret'], [membershipRejected, 'secret'], [membershipSuspended, 'secret'], [invitationB.id, 'secret'],
    [keys.audit_id, 'secret'], [P.id, 'secret'], [P.slug, 'secret'], [organisationP, 'secret'], [listingP, 'secret'], [categoryP, 'secret'],
    [invitationP.id, 'secret'], [conversation, 'secret'], [cooperation, 'secret'], [savedSearch, 'secret'], [membershipFacilitator, 'members']] as const) book.value(id, level, 'id');
  // The notifications those created (B's people only: visible to their recipient alone).
  const notificationsB = owner.rows<{ id: string }>(await owner.db.execute(sql`select id::text from notifications where territory_id = ${B.id}`)).map((r) => r.id);
  for (const id of notificationsB) book.value(id, 'secret', 'notification id');

  const callers = [
    callerOf('visitor', null, 'none', null),
    callerOf('pending', pendingA, 'cookie', null),
    callerOf('member', memberA, 'cookie', null),
    callerOf('facilitator', facilitatorA, 'cookie', null),
    callerOf('admin', adminA, 'cookie', null),
    callerOf('apiClient', await loggedIn(api, clientA), 'bearer', null),
    callerOf('both', both, 'cookie', 'member'),
  ];
  for (const caller of callers) {
    if (caller.user) caller.membershipA = ok(await api.call('GET', `${t(A.slug)}/memberships/me`, credentials(caller)), 'me').id;
  }

  return {
    api,
    A: { id: A.id, slug: A.slug, listingsCursor, listingPublic: listingPublicA, listingMembers: listingMembersA, organisation: organisationA, category: categoryA, invitationToken: invitationA.token },
    B: {
      id: B.id, slug: B.slug, listingPublic, listingMembers, listingClosed, organisationPublic, organisationSecret, organisationSiret: SIRETS[0],
      category, categorySlug, idempotencyKeys, membershipAdmin: B.myMembership.id, membershipMember, membershipPending, membershipRejected, membershipSuspended,
      invitation: invitationB.id, invitationToken: invitationB.token, invitationEmail, adminEmail: adminB.email, memberEmail: memberB.email,
      adminPassword, adminSession: hashToken(adminB.token), listingPublicCreatedKey: keys.listing,
      membershipCreatedAt: keys.membership, invitationCreatedAt: invitationB.createdAt, auditEntry: { id: keys.audit_id, createdAt: keys.audit_at },
      secretOrganisationName, membersListingTitle, privateName,
      membershipFacilitator, conversation, cooperation, savedSearch, notifications: notificationsB,
    },
    P: { id: P.id, slug: P.slug, listing: listingP, organisation: organisationP, membership: P.myMembership.id, category: categoryP, invitationToken: invitationP.token },
    targetUserIds: targetPeople.map((p) => p.id),
    callers,
    markers: book.markers,
  };
}

/** An integrator's token: a session of its own, opened with the login operation. */
async function loggedIn(api: TestApi, user: TestUser): Promise<TestUser> {
  const res = await api.call('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return { ...user, token: res.body.token };
}

// The callers of territory A: a visitor, a pending member, a member, a facilitator, an
// admin, an integrator with a Bearer token, and one person who is admin in A and a plain
// member of B. Site callers send the session cookie with a same-origin Origin header, as
// the browser does; the integrator sends Authorization: Bearer.
export type CallerKey = 'visitor' | 'pending' | 'member' | 'facilitator' | 'admin' | 'apiClient' | 'both';

export interface Caller {
  key: CallerKey;
  user: TestUser | null;
  auth: 'none' | 'cookie' | 'bearer';
  /** Their standing in B: only the person who belongs to both has one. */
  inB: 'member' | null;
  /** Their own membership in A (set once the world is built). */
  membershipA: string | null;
}

export function callerOf(key: CallerKey, user: TestUser | null, auth: Caller['auth'], inB: Caller['inB']): Caller {
  return { key, user, auth, inB, membershipA: null };
}

/** How the caller authenticates a request. */
export function credentials(caller: Caller, token = caller.user?.token): Pick<CallOptions, 'token' | 'headers'> {
  if (caller.auth === 'bearer') return { token };
  if (caller.auth === 'cookie') return { headers: { cookie: `soliterr_session=${token}`, origin: ORIGIN } };
  return {};
}
