// Territories, categories, the audit log and the instance: B's and P's slugs under A's
// credentials, B's ids under A's slug, cursors forged from B's rows.
import { type CaseGenerator, cursorOf, onB, onP, plain, probe, ref, withKeyOfB } from '../probe';

/** The smallest body a logo upload checks further than its type: a PNG signature. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const territoryCases: Record<string, CaseGenerator> = {
  // A taken slug is refused (409 slug_taken) — a unique address cannot be given twice —
  // with a message that says nothing of the territory holding it.
  createTerritory: (w, c) => {
    const admin = c.user ? {} : { admin: { email: `intrus.${crypto.randomUUID().slice(0, 8)}@example.fr`, password: 'un mot de passe solide', name: 'Intrus' } };
    return [
      plain("B's slug", { body: { territory: { slug: w.B.slug, name: 'Intrus' }, ...admin } }, { expect: 'refused' }),
      plain("P's (private) slug", { body: { territory: { slug: w.P.slug, name: 'Intrus' }, ...admin } }, { expect: 'refused' }),
      // Only a visitor names the first admin's account (a signed-in founder is the admin).
      ...(c.user ? [] : [plain("B's admin's email as the new admin", {
        body: { territory: { slug: `intrus-${crypto.randomUUID().slice(0, 8)}`, name: 'Intrus' }, admin: { email: w.B.adminEmail, password: 'un mot de passe solide', name: 'Intrus' } },
      }, { expect: 'refused' })]),
    ];
  },
  listPublicTerritories: (w) => [
    probe("P's name searched", { q: ref.text(w.B.privateName) }, ({ q }) => ({ query: { q } }), { expect: 'harmless' }),
    plain("a cursor forged from P's name and id", { query: { cursor: cursorOf([w.B.privateName, w.P.id]), limit: '1' } }),
    plain('the first page, one by one', { query: { limit: '1' } }),
  ],
  getTerritory: (w) => [onB(w, (slug) => ({ params: { slug } }), { expect: 'harmless' }), onP(w, (slug) => ({ params: { slug } }))],
  updateTerritory: (w) => [
    onB(w, (slug) => ({ params: { slug }, body: { name: 'Territoire détourné', visibility: 'private' } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug }, body: { name: 'Territoire détourné' } })),
  ],
  listCategories: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { includeArchived: 'true' } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug } })),
  ],
  createCategory: (w) => {
    const body = { slug: 'intrusion', labelFr: 'Intrusion', labelEn: 'Intrusion' };
    return [
      onB(w, (slug) => ({ params: { slug }, body }), { legitForMembersOfB: false }),
      onP(w, (slug) => ({ params: { slug }, body })),
      // B's category slug is free in A: taking it must not answer anything about B.
      plain("A's slug, B's category slug", { params: { slug: w.A.slug }, body: { ...body, slug: w.B.categorySlug } }),
      withKeyOfB(w, 'category', "A's slug", { params: { slug: w.A.slug }, body: { ...body, slug: 'cle-rejouee' } }),
      { ...withKeyOfB(w, 'category', "B's slug", { params: { slug: w.B.slug }, body }), expect: 'refused', legitForMembersOfB: false },
    ];
  },
  updateCategory: (w) => [
    onB(w, (slug) => ({ params: { slug, categoryId: w.B.category }, body: { archived: true } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug, categoryId: w.P.category }, body: { archived: true } })),
    probe("A's slug, B's categoryId", { id: ref.uuid(w.B.category) }, ({ id }) => ({
      params: { slug: w.A.slug, categoryId: id },
      body: { labelFr: 'Catégorie détournée', archived: true },
    })),
  ],
  listAuditLog: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug, a cursor forged from B's latest entry", {
      params: { slug: w.A.slug },
      query: { limit: '1', cursor: cursorOf([w.B.auditEntry.createdAt, w.B.auditEntry.id]) },
    }),
  ],
  getInstance: () => [plain('the instance', {})],
  // No territory data behind it: B's and P's names are searched like any commune, and the
  // answer is the built-in list (the test configuration never asks the address base).
  searchCommunes: (w) => [
    plain('a commune of the built-in list', { query: { q: 'Tarbes' } }, { expect: 'harmless' }),
    plain("P's (private) name as a commune", { query: { q: w.B.privateName.slice(0, 100) } }, { expect: 'harmless' }),
  ],
  // P's logo carries a secret marker: it must be served to no one outside P.
  putTerritoryLogo: (w) => {
    const image = { raw: PNG, headers: { 'content-type': 'image/png' } };
    return [
      onB(w, (slug) => ({ params: { slug }, ...image }), { legitForMembersOfB: false }),
      onP(w, (slug) => ({ params: { slug }, ...image })),
    ];
  },
  deleteTerritoryLogo: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug } })),
  ],
  getTerritoryLogo: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { expect: 'harmless' }),
    onP(w, (slug) => ({ params: { slug }, query: { v: '1' } })),
  ],
};
