// One territory with a value for every path parameter of the API, and its admin as the
// caller, so fuzzed requests get past authorisation into the handlers. Two operations
// would end the caller's session or membership: they get callers of their own.
import { generateToken, hashToken } from '../../functions/shared/auth/tokens';
import { sessions } from '../../schemas/db';
import type { TestApi, TestUser } from '../support/harness';

/** The path parameters the world has a value for; a new one fails the suite until it is added. */
export const PATH_PARAMETERS = ['slug', 'listingId', 'organisationId', 'membershipId', 'invitationId', 'categoryId', 'sessionId', 'savedSearchId', 'cooperationId', 'conversationId'];

export interface FuzzWorld {
  api: TestApi;
  slug: string;
  admin: TestUser;
  /** A value for each path parameter name of the document. */
  params: Record<string, string>;
  /** The category the round trips publish in (not the one updateCategory is fuzzed on). */
  category: string;
  /** The token a request of this operation is sent with. */
  tokenFor(operationId: string): Promise<string>;
}

export async function buildFuzzWorld(api: TestApi): Promise<FuzzWorld> {
  const ok = (res: { status: number; body: any }, what: string) => {
    if (res.status >= 300) throw new Error(`fuzz world: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const admin = await api.signUp('Sophie Lacoste');
  const t = await api.createTerritory(admin, { name: 'Cœur de Bigorre', membershipPolicy: 'approval' });
  const base = `/api/v1/territories/${t.slug}`;
  const join = async (who: TestUser) => ok(await api.call('POST', `${base}/memberships`, { token: who.token, body: { acceptCharter: true } }), 'join').id as string;
  const pending = await join(await api.signUp('Lucas Fourcade'));
  const leaver = await api.signUp('Paul Sarrat');
  const leaverMembership = await join(leaver);
  ok(await api.call('POST', `${base}/memberships/${leaverMembership}/approve`, { token: admin.token }), 'approve');
  const categories = ok(await api.call('GET', `${base}/categories`), 'categories').items as { id: string; slug: string }[];
  const bySlug = (slug: string) => categories.find((c) => c.slug === slug)!.id;
  const organisation = ok(await api.call('POST', `${base}/organisations`, { token: admin.token, body: { kind: 'etablissement_sante', name: 'Centre hospitalier' } }), 'org').id;
  const listing = ok(await api.call('POST', `${base}/listings`, { token: admin.token, body: {
    kind: 'offer', categoryId: bySlug('vehicules-mobilite'), title: 'Prêt de véhicules le week-end', exchangeModes: ['pret'] } }), 'listing').id;
  const conversation = ok(await api.call('POST', `${base}/listings/${listing}/responses`, {
    token: leaver.token, body: { body: 'Bonjour, le fourgon nous intéresse.' } }), 'respond').id;
  const savedSearch = ok(await api.call('POST', `${base}/saved-searches`, { token: admin.token, body: { label: 'Véhicules' } }), 'saved search').id;
  const cooperation = ok(await api.call('POST', `${base}/cooperations`, { token: admin.token, body: {
    listingId: listing, partners: [{ membershipId: leaverMembership }], summary: 'Prêt d’un fourgon' } }), 'cooperation').id;
  const invitation = ok(await api.call('POST', `${base}/invitations`, { token: admin.token, body: { email: 'ferme@example.fr' } }), 'invite').id;

  /** A session of the admin inserted by the owner: cheaper than a login, as real as one. */
  async function spareSession(): Promise<string> {
    const token = generateToken();
    await api.db.owner.db.insert(sessions).values({ id: hashToken(token), userId: admin.id, expiresAt: new Date(Date.now() + 86_400_000) });
    return token;
  }
  const spare = await spareSession();
  return {
    api,
    slug: t.slug,
    admin,
    params: {
      slug: t.slug, listingId: listing, organisationId: organisation, membershipId: pending, invitationId: invitation,
      categoryId: bySlug('materiel'), sessionId: hashToken(spare), savedSearchId: savedSearch,
      cooperationId: cooperation, conversationId: conversation,
    },
    category: bySlug('services'),
    async tokenFor(operationId) {
      if (operationId === 'logout') return spareSession();
      if (operationId === 'leaveTerritory') return leaver.token;
      return admin.token;
    },
  };
}
