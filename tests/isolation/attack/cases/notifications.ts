// Notifications, email preferences, one-click unsubscribe and saved searches. A caller
// only ever reaches their own: B's notifications marked read under B's, A's and P's slugs
// (nothing may change, the answer must equal that of ids that exist nowhere), B's ids
// deleted as saved searches (B's member's own saved search first, also by B's member who
// does not own it), B's category saved in A, links that exist nowhere.
import { type CaseGenerator, cursorOf, onB, onP, plain, probe, ref, withKeyOfB } from '../probe';
import type { World } from '../world';

const IDS = ['savedSearch', 'listingPublic', 'listingMembers', 'conversation', 'cooperation'] as const;
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const oneClick = new TextEncoder().encode('List-Unsubscribe=One-Click');
const search = { label: 'Recherche intruse' };

const notificationIdsOfB = (w: World) => (w.B.notifications.length ? w.B.notifications : [w.B.listingPublic]);

export const notificationCases: Record<string, CaseGenerator> = {
  listNotifications: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug, unread only", { params: { slug: w.A.slug }, query: { unread: 'true' } }),
    plain("A's slug, a cursor forged from B's notification", {
      params: { slug: w.A.slug },
      query: { cursor: cursorOf(['false', '2999-01-01T00:00:00.000000Z', notificationIdsOfB(w)[0]]) },
    }),
  ],
  countUnreadNotifications: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
  ],
  markNotificationsRead: (w) => [
    probe("B's slug, B's notifications", { id: ref.uuid(notificationIdsOfB(w)[0]) }, ({ id }) => ({ params: { slug: w.B.slug }, body: { ids: [id] } }), {
      expect: 'harmless',
      legitForMembersOfB: false,
    }),
    probe("A's slug, B's notifications", { id: ref.uuid(notificationIdsOfB(w)[0]) }, ({ id }) => ({ params: { slug: w.A.slug }, body: { ids: [id] } }), {
      expect: 'harmless',
    }),
    ...IDS.map((k) =>
      probe(`A's slug, B's ${k} as a notification`, { id: ref.uuid(w.B[k]) }, ({ id }) => ({ params: { slug: w.A.slug }, body: { ids: [id] } }), {
        expect: 'harmless',
      }),
    ),
    onP(w, (slug) => ({ params: { slug }, body: {} })),
  ],
  getNotificationPreferences: () => [plain('the caller themselves', {})],
  updateNotificationPreferences: () => [plain('the caller themselves', { body: { preferences: { match: 'daily' } } })],
  getUnsubscribeLink: () => [
    probe('a link that exists nowhere', { token: ref.token('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') }, ({ token }) => ({ query: { token } })),
  ],
  unsubscribe: () => [
    probe('a link that exists nowhere', { token: ref.token('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') }, ({ token }) => ({
      query: { token },
      raw: oneClick,
      headers: form,
    })),
  ],
  listSavedSearches: (w) => [
    onB(w, (slug) => ({ params: { slug } })),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug", { params: { slug: w.A.slug } }, { expect: 'harmless' }),
  ],
  createSavedSearch: (w) => [
    onB(w, (slug) => ({ params: { slug }, body: search })),
    onP(w, (slug) => ({ params: { slug }, body: search })),
    probe("A's slug, B's category", { id: ref.uuid(w.B.category) }, ({ id }) => ({ params: { slug: w.A.slug }, body: { ...search, categoryId: id } })),
    withKeyOfB(w, 'listing', "A's slug", { params: { slug: w.A.slug }, body: search }),
  ],
  deleteSavedSearch: (w) => [
    ...IDS.map((k) =>
      probe(`B's slug, B's ${k} as a saved search`, { id: ref.uuid(w.B[k]) }, ({ id }) => ({ params: { slug: w.B.slug, savedSearchId: id } }), {
        legitForMembersOfB: false,
      }),
    ),
    ...IDS.map((k) => probe(`A's slug, B's ${k} as a saved search`, { id: ref.uuid(w.B[k]) }, ({ id }) => ({ params: { slug: w.A.slug, savedSearchId: id } }))),
    onP(w, (slug) => ({ params: { slug, savedSearchId: w.P.listing } })),
  ],
};
