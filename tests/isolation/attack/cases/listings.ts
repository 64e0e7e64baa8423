// Offers and needs: B's listings under B's and A's slugs, B's categories, organisations
// and authors as filters and references in A, cursors forged to point into B, and edits
// of B's listings with every precondition.
import { type Attempt, type CaseGenerator, cursorOf, onB, onP, plain, probe, ref, withKeyOfB } from '../probe';
import type { World } from '../world';

const SECRET = ['listingMembers', 'listingClosed'] as const;

/** update, close and reopen: the same attempts, each with its own body. */
function change(body: Record<string, unknown>): CaseGenerator {
  return (w) => {
    const headers = { 'if-match': '"1"' };
    return [
      onB(w, (slug) => ({ params: { slug, listingId: w.B.listingPublic }, headers, body }), { legitForMembersOfB: false }),
      ...SECRET.map((l) => probe(`B's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.B.slug, listingId: id }, headers, body }), {
        legitForMembersOfB: false,
      })),
      ...(['listingPublic', ...SECRET] as const).map((l) =>
        probe(`A's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug, listingId: id }, headers, body })),
      ),
      onP(w, (slug) => ({ params: { slug, listingId: w.P.listing }, headers, body })),
    ];
  };
}

/** A's public listing edited to point at B's category or organisation, at its current version. */
async function regrafts(w: World): Promise<Attempt[]> {
  const read = await w.api.call('GET', `/api/v1/territories/${w.A.slug}/listings/${w.A.listingPublic}`);
  const headers = { 'if-match': read.headers.get('etag') ?? '"1"' };
  const params = { slug: w.A.slug, listingId: w.A.listingPublic };
  return [
    probe("A's listing moved to B's category", { id: ref.uuid(w.B.category) }, ({ id }) => ({ params, headers, body: { categoryId: id } })),
    probe("A's listing given to B's organisation", { id: ref.uuid(w.B.organisationSecret) }, ({ id }) => ({ params, headers, body: { organisationId: id } })),
  ];
}

const FILTERS = [
  ['organisationId', 'organisationPublic', 'uuid'],
  ['organisationId', 'organisationSecret', 'uuid'],
  ['categoryId', 'category', 'uuid'],
  ['authorMembershipId', 'membershipMember', 'uuid'],
  ['category', 'categorySlug', 'slug'],
  ['q', 'membersListingTitle', 'text'],
] as const;

export const listingCases: Record<string, CaseGenerator> = {
  createListing: (w) => {
    const body = { kind: 'offer', title: 'Annonce intruse', exchangeModes: ['don'] };
    return [
      onB(w, (slug) => ({ params: { slug }, body: { ...body, categoryId: w.B.category } })),
      onP(w, (slug) => ({ params: { slug }, body: { ...body, categoryId: w.P.category } })),
      probe("A's slug, B's category", { id: ref.uuid(w.B.category) }, ({ id }) => ({ params: { slug: w.A.slug }, body: { ...body, categoryId: id } })),
      probe("A's slug, B's organisation", { id: ref.uuid(w.B.organisationSecret) }, ({ id }) => ({
        params: { slug: w.A.slug },
        body: { ...body, categoryId: w.A.category, organisationId: id },
      })),
      withKeyOfB(w, 'listing', "A's slug", { params: { slug: w.A.slug }, body: { ...body, categoryId: w.A.category } }),
      { ...withKeyOfB(w, 'listing', "B's slug", { params: { slug: w.B.slug }, body: { ...body, categoryId: w.B.category } }), expect: 'refused' },
    ];
  },
  listListings: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { status: 'all', limit: '100' } }), { expect: 'harmless' }),
    probe("B's slug, B's members-only listing searched", { q: ref.text(w.B.membersListingTitle) }, ({ q }) => ({
      params: { slug: w.B.slug },
      query: { q, status: 'all' },
    }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
    ...FILTERS.map(([name, key, kind]) =>
      probe(`A's slug, ${name} of B`, { v: ref[kind](w.B[key]) }, ({ v }) => ({ params: { slug: w.A.slug }, query: { [name]: v, status: 'all' } }), {
        expect: 'harmless',
      }),
    ),
    plain("A's slug, a cursor forged to point at B's public listing", {
      params: { slug: w.A.slug },
      query: { status: 'all', limit: '1', cursor: forged(w) },
    }),
  ],
  getListing: (w) => [
    onB(w, (slug) => ({ params: { slug, listingId: w.B.listingPublic } }), { expect: 'harmless' }),
    ...SECRET.map((l) => probe(`B's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.B.slug, listingId: id } }))),
    ...(['listingPublic', ...SECRET] as const).map((l) =>
      probe(`A's slug, B's ${l}`, { id: ref.uuid(w.B[l]) }, ({ id }) => ({ params: { slug: w.A.slug, listingId: id } })),
    ),
    onP(w, (slug) => ({ params: { slug, listingId: w.P.listing } })),
  ],
  updateListing: async (w, c) => [...(await change({ title: 'Annonce détournée', visibility: 'public' })(w, c)), ...(await regrafts(w))],
  closeListing: change({ status: 'fulfilled' }),
  reopenListing: change({}),
};

/** A real cursor of A's list (world.ts), its sort key and id replaced by those of B's public listing. */
function forged(w: World): string {
  const [sort, , , print] = JSON.parse(Buffer.from(w.A.listingsCursor, 'base64url').toString('utf8'));
  return cursorOf([sort, w.B.listingPublicCreatedKey, w.B.listingPublic, print]);
}
