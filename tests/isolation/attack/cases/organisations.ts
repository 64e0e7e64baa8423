// Organisations: B's secret and public ones under B's slug, B's ids under A's slug, B's
// SIRET and names searched in A. Only B's public organisation (it carries a public open
// listing) may be seen outside B, and never edited.
import { type CaseGenerator, cursorOf, onB, onP, plain, probe, ref, withKeyOfB } from '../probe';

const ORGS = ['organisationPublic', 'organisationSecret'] as const;

export const organisationCases: Record<string, CaseGenerator> = {
  createOrganisation: (w) => [
    onB(w, (slug) => ({ params: { slug }, body: { kind: 'association', name: 'Structure intruse' } })),
    onP(w, (slug) => ({ params: { slug }, body: { kind: 'association', name: 'Structure intruse' } })),
    // B's SIRET is free in A: a duplicate check must look at A only.
    plain("A's slug, B's SIRET", { params: { slug: w.A.slug }, body: { kind: 'exploitation_agricole', name: 'Homonyme', siret: w.B.organisationSiret } }),
    withKeyOfB(w, 'organisation', "A's slug", { params: { slug: w.A.slug }, body: { kind: 'association', name: 'Association homonyme' } }),
    { ...withKeyOfB(w, 'organisation', "B's slug", { params: { slug: w.B.slug }, body: { kind: 'association', name: 'Association homonyme' } }), expect: 'refused' },
  ],
  listOrganisations: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { limit: '100' } }), { expect: 'harmless' }),
    probe("B's slug, B's secret organisation searched", { q: ref.text(w.B.secretOrganisationName) }, ({ q }) => ({ params: { slug: w.B.slug }, query: { q } }), {
      expect: 'harmless',
    }),
    onP(w, (slug) => ({ params: { slug } })),
    probe("A's slug, B's secret organisation searched", { q: ref.text(w.B.secretOrganisationName) }, ({ q }) => ({ params: { slug: w.A.slug }, query: { q } }), {
      expect: 'harmless',
    }),
    plain("A's slug, a cursor forged from B's secret organisation", {
      params: { slug: w.A.slug },
      query: { limit: '1', cursor: cursorOf([w.B.secretOrganisationName, w.B.organisationSecret]) },
    }),
  ],
  getOrganisation: (w) => [
    onB(w, (slug) => ({ params: { slug, organisationId: w.B.organisationPublic } }), { expect: 'harmless' }),
    probe("B's slug, B's secret organisation", { id: ref.uuid(w.B.organisationSecret) }, ({ id }) => ({ params: { slug: w.B.slug, organisationId: id } })),
    ...ORGS.map((o) => probe(`A's slug, B's ${o}`, { id: ref.uuid(w.B[o]) }, ({ id }) => ({ params: { slug: w.A.slug, organisationId: id } }))),
    onP(w, (slug) => ({ params: { slug, organisationId: w.P.organisation } })),
  ],
  updateOrganisation: (w) => {
    const body = { description: 'Structure détournée', website: 'https://intrus.example.fr' };
    return [
      // B's public organisation is seen by everyone: refused as not editable, not hidden.
      onB(w, (slug) => ({ params: { slug, organisationId: w.B.organisationPublic }, body }), { legitForMembersOfB: false }),
      probe("B's slug, B's secret organisation", { id: ref.uuid(w.B.organisationSecret) }, ({ id }) => ({ params: { slug: w.B.slug, organisationId: id }, body }), {
        legitForMembersOfB: false,
      }),
      ...ORGS.map((o) => probe(`A's slug, B's ${o}`, { id: ref.uuid(w.B[o]) }, ({ id }) => ({ params: { slug: w.A.slug, organisationId: id }, body }))),
      ...ORGS.map((o) => probe(`A's slug, B's ${o} with B's SIRET`, { id: ref.uuid(w.B[o]) }, ({ id }) => ({
        params: { slug: w.A.slug, organisationId: id },
        body: { siret: w.B.organisationSiret },
      }))),
      onP(w, (slug) => ({ params: { slug, organisationId: w.P.organisation }, body })),
    ];
  },
  listOrganisationMembers: (w) => [
    onB(w, (slug) => ({ params: { slug, organisationId: w.B.organisationPublic } }), { expect: 'harmless' }),
    probe("B's slug, B's secret organisation", { id: ref.uuid(w.B.organisationSecret) }, ({ id }) => ({ params: { slug: w.B.slug, organisationId: id } })),
    ...ORGS.map((o) => probe(`A's slug, B's ${o}`, { id: ref.uuid(w.B[o]) }, ({ id }) => ({ params: { slug: w.A.slug, organisationId: id } }))),
    onP(w, (slug) => ({ params: { slug, organisationId: w.P.organisation } })),
  ],
};
