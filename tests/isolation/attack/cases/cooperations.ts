// Recorded cooperations and figures: recording on B's listings under B's and A's slugs,
// B's members named as partners of A's cooperations, and B's ids used as cooperation ids
// everywhere: B's proposed cooperation (secret even to B's members who are not its
// parties, so the person in both territories tries too), and B's other ids standing in
// for cooperation ids (any uuid of B must be answered as one that exists nowhere).
import { type CaseGenerator, cursorOf, onB, onP, plain, probe, ref, withKeyOfB } from '../probe';
import type { World } from '../world';

const LISTINGS = ['listingPublic', 'listingMembers', 'listingClosed'] as const;
const summary = 'Coopération intruse';

/** get, amend, withdraw, confirm, dispute: a cooperation path with B's ids under B's, A's and P's slugs. */
function cooperation(extra: { body?: unknown; headers?: Record<string, string> } = {}): CaseGenerator {
  return (w: World) => [
    probe("B's slug, B's proposed cooperation", { id: ref.uuid(w.B.cooperation) }, ({ id }) => ({ params: { slug: w.B.slug, cooperationId: id }, ...extra }), {
      legitForMembersOfB: false,
    }),
    probe("A's slug, B's proposed cooperation", { id: ref.uuid(w.B.cooperation) }, ({ id }) => ({ params: { slug: w.A.slug, cooperationId: id }, ...extra })),
    probe("A's slug, B's conversation as a cooperation", { id: ref.uuid(w.B.conversation) }, ({ id }) => ({ params: { slug: w.A.slug, cooperationId: id }, ...extra })),
    ...LISTINGS.map((l) =>
      probe(`B's slug, B's ${l} as a cooperation`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.B.slug, cooperationId: id }, ...extra })),
    ),
    ...LISTINGS.map((l) =>
      probe(`A's slug, B's ${l} as a cooperation`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug, cooperationId: id }, ...extra })),
    ),
    onP(w, (slug) => ({ params: { slug, cooperationId: w.P.listing }, ...extra })),
  ];
}

export const cooperationCases: Record<string, CaseGenerator> = {
  createCooperation: (w) => {
    // world.ts names no second member of A: a random uuid stands for the partner where
    // the partner is not what is attacked (the answer is then unknown_partner for both).
    const partner = crypto.randomUUID();
    const onA = (over: Record<string, unknown>) => ({
      params: { slug: w.A.slug },
      body: { listingId: w.A.listingPublic, partners: [{ membershipId: partner }], summary, ...over },
    });
    return [
      onB(w, (slug) => ({ params: { slug }, body: { listingId: w.B.listingPublic, partners: [{ membershipId: w.B.membershipMember }], summary } })),
      onP(w, (slug) => ({ params: { slug }, body: { listingId: w.P.listing, partners: [{ membershipId: w.P.membership }], summary } })),
      ...LISTINGS.map((l) => probe(`A's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => onA({ listingId: id }))),
      probe("A's slug, A's listing, B's member as partner", { id: ref.uuid(w.B.membershipMember) }, ({ id }) => onA({ partners: [{ membershipId: id }] })),
      probe("A's slug, A's listing, B's listing as the conversation", { id: ref.uuid(w.B.listingPublic) }, ({ id }) => onA({ conversationId: id })),
      probe("A's slug, A's listing, B's conversation", { id: ref.uuid(w.B.conversation) }, ({ id }) => onA({ conversationId: id })),
      probe("B's slug, B's listing, B's conversation, by anyone but its sides", { id: ref.uuid(w.B.conversation) }, ({ id }) => ({
        params: { slug: w.B.slug },
        body: { listingId: w.B.listingMembers, conversationId: id, partners: [{ membershipId: w.B.membershipFacilitator }], summary },
      }), { legitForMembersOfB: false }),
      withKeyOfB(w, 'listing', "A's slug", onA({})),
    ];
  },
  listCooperations: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { limit: '100' } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
    ...LISTINGS.map((l) =>
      probe(`A's slug, listingId of B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug }, query: { listingId: id } }), {
        expect: 'harmless',
      }),
    ),
    plain("A's slug, a cursor forged to point at B's listing", {
      params: { slug: w.A.slug },
      query: { cursor: cursorOf([w.B.listingPublicCreatedKey, w.B.listingPublic, '||']) },
    }),
  ],
  getCooperation: cooperation(),
  updateCooperation: cooperation({ body: { summary }, headers: { 'if-match': '"1"' } }),
  withdrawCooperation: cooperation({ body: {} }),
  confirmCooperation: cooperation({ body: {} }),
  disputeCooperation: cooperation({ body: { message: 'Contestation intruse' } }),
  territoryFigures: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
  ],
};
