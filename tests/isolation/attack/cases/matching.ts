// Transparent matching: suggestions for B's listings under B's, A's and P's slugs, A's own
// suggestions scanned for anything of B, and B's unmatched needs asked by A's callers.
import { type CaseGenerator, onB, onP, plain, probe, ref } from '../probe';

const LISTINGS = ['listingPublic', 'listingMembers', 'listingClosed'] as const;

export const matchingCases: Record<string, CaseGenerator> = {
  listSuggestions: (w) => [
    onB(w, (slug) => ({ params: { slug, listingId: w.B.listingPublic }, query: { limit: '20' } })),
    ...(['listingMembers', 'listingClosed'] as const).map((l) =>
      probe(`B's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.B.slug, listingId: id } })),
    ),
    ...LISTINGS.map((l) =>
      probe(`A's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug, listingId: id }, query: { limit: '20' } })),
    ),
    onP(w, (slug) => ({ params: { slug, listingId: w.P.listing } })),
    // A's own listing: whatever it suggests comes from A only.
    plain("A's slug, A's public listing", { params: { slug: w.A.slug, listingId: w.A.listingPublic }, query: { limit: '20' } }),
  ],
  listUnmatchedNeeds: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { limit: '50' } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug", { params: { slug: w.A.slug }, query: { limit: '50' } }),
  ],
};
