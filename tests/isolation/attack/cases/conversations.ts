// Responses and conversations: responding to B's listings under B's and A's slugs, and
// B's private conversation (between two of B's members) read, written and marked read
// under B's, A's and P's slugs — also by the person who is a plain member of B, who is not
// one of its sides. B's other ids stand in for conversation ids too: any uuid of B must be
// answered as one that exists nowhere.
import { type CaseGenerator, cursorOf, onB, onP, plain, probe, ref, withKeyOfB } from '../probe';
import type { World } from '../world';

const LISTINGS = ['listingPublic', 'listingMembers', 'listingClosed'] as const;
const body = { body: 'Réponse intruse' };

/** get, send a message, mark read: a conversation path with B's ids under B's, A's and P's slugs. */
function conversation(extra: { body?: unknown } = {}): CaseGenerator {
  return (w: World) => [
    probe("B's slug, B's conversation", { id: ref.uuid(w.B.conversation) }, ({ id }) => ({ params: { slug: w.B.slug, conversationId: id }, ...extra }), {
      legitForMembersOfB: false,
    }),
    probe("A's slug, B's conversation", { id: ref.uuid(w.B.conversation) }, ({ id }) => ({ params: { slug: w.A.slug, conversationId: id }, ...extra })),
    probe("A's slug, B's cooperation as a conversation", { id: ref.uuid(w.B.cooperation) }, ({ id }) => ({ params: { slug: w.A.slug, conversationId: id }, ...extra })),
    ...LISTINGS.map((l) =>
      probe(`B's slug, B's ${l} as a conversation`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.B.slug, conversationId: id }, ...extra })),
    ),
    ...LISTINGS.map((l) =>
      probe(`A's slug, B's ${l} as a conversation`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug, conversationId: id }, ...extra })),
    ),
    onP(w, (slug) => ({ params: { slug, conversationId: w.P.listing }, ...extra })),
  ];
}

export const conversationCases: Record<string, CaseGenerator> = {
  respondToListing: (w) => [
    onB(w, (slug) => ({ params: { slug, listingId: w.B.listingPublic }, body })),
    ...LISTINGS.map((l) => probe(`B's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.B.slug, listingId: id }, body }))),
    ...LISTINGS.map((l) => probe(`A's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug, listingId: id }, body }))),
    onP(w, (slug) => ({ params: { slug, listingId: w.P.listing }, body })),
    withKeyOfB(w, 'listing', "A's slug", { params: { slug: w.A.slug, listingId: w.A.listingPublic }, body }),
  ],
  listConversations: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { scope: 'territory', limit: '100' } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
    probe("B's slug, B's members-only listing as filter, by anyone but its sides", { id: ref.uuid(w.B.listingMembers) }, ({ id }) => ({
      params: { slug: w.B.slug },
      query: { listingId: id },
    }), { expect: 'harmless', legitForMembersOfB: false }),
    ...LISTINGS.map((l) =>
      probe(`A's slug, listingId of B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug }, query: { listingId: id, scope: 'territory' } }), {
        expect: 'harmless',
      }),
    ),
    plain("A's slug, a cursor forged to point at B's listing", {
      params: { slug: w.A.slug },
      query: { cursor: cursorOf([w.B.listingPublicCreatedKey, w.B.listingPublic, 'x']) },
    }),
  ],
  countUnreadConversations: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
  ],
  getConversation: conversation(),
  sendConversationMessage: conversation({ body: { body: 'Message intrus' } }),
  markConversationRead: conversation(),
};
