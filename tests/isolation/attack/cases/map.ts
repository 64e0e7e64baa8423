// The map and the public GeoJSON feed: B's map and feed read by A's callers (only what B
// shows the public may come back), P's answer like a slug that exists nowhere, and A's map
// filtered by B's ids, which must bring nothing of B.
import { type CaseGenerator, onB, onP, plain, probe, ref } from '../probe';

const FILTERS = [
  ['organisationId', 'organisationPublic', 'uuid'],
  ['organisationId', 'organisationSecret', 'uuid'],
  ['categoryId', 'category', 'uuid'],
  ['authorMembershipId', 'membershipMember', 'uuid'],
  ['category', 'categorySlug', 'slug'],
  ['q', 'membersListingTitle', 'text'],
] as const;

export const mapCases: Record<string, CaseGenerator> = {
  getTerritoryMap: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { status: 'all' } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug", { params: { slug: w.A.slug }, query: { status: 'all' } }),
    ...FILTERS.map(([name, key, kind]) =>
      probe(`A's slug, ${name} of B`, { v: ref[kind](w.B[key]) }, ({ v }) => ({ params: { slug: w.A.slug }, query: { [name]: v, status: 'all' } }), {
        expect: 'harmless',
      }),
    ),
  ],
  getListingsGeoJson: (w) => [
    // The feed ignores sessions: even B's members get only what B shows the public.
    onB(w, (slug) => ({ params: { slug } }), { expect: 'harmless', legitForMembersOfB: false }),
    onB(w, (slug) => ({ params: { slug }, query: { bbox: '-180,-90,180,90' } }), { expect: 'harmless', legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug", { params: { slug: w.A.slug }, query: { bbox: '-180,-90,180,90' } }),
  ],
};
