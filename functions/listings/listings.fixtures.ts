// A small Hautes-Pyrénées network for the listings suites: a hospital lending its fleet,
// a jam producer looking for fruit growers, a joinery offering skills sponsorship, a
// facilitator, a pending newcomer and an outsider. Test-only (not imported by index.ts).
import type { TestApi, TestUser } from '../../tests/support/harness';
import { addMember, addOrganisation, represent } from '../../tests/support/members';

export const PLACES = {
  tarbes: { commune: 'Tarbes', lat: 43.2328, lon: 0.0781 },
  lannemezan: { commune: 'Lannemezan', lat: 43.125, lon: 0.3833 },
  bagneres: { commune: 'Bagnères-de-Bigorre', lat: 43.065, lon: 0.1497 },
} as const;

export interface Actor {
  user: TestUser;
  membershipId: string;
  organisationId?: string;
}

export interface Network {
  territory: { id: string; slug: string };
  base: string;
  categories: Record<string, string>;
  admin: Actor;
  facilitator: Actor;
  hospital: Actor;
  jams: Actor;
  joinery: Actor;
  pending: TestUser;
  outsider: TestUser;
}

export async function createNetwork(api: TestApi, territory: Record<string, unknown> = {}): Promise<Network> {
  const adminUser = await api.signUp('Sophie Animatrice');
  const t = await api.createTerritory(adminUser, { name: 'Cœur de Bigorre', departement: 'Hautes-Pyrénées', ...territory });
  const cats = await api.call('GET', `/api/v1/territories/${t.slug}/categories`, { token: adminUser.token });
  const categories = Object.fromEntries(cats.body.items.map((c: { slug: string; id: string }) => [c.slug, c.id]));
  const actor = async (name: string, role: 'member' | 'facilitator', org?: Parameters<typeof addOrganisation>[3]) => {
    const user = await api.signUp(name);
    const membershipId = await addMember(api, t.id, user, role);
    if (!org) return { user, membershipId };
    const organisationId = await addOrganisation(api, t.id, membershipId, org);
    await represent(api, t.id, membershipId, organisationId);
    return { user, membershipId, organisationId };
  };
  const facilitator = await actor('Marc Animateur', 'facilitator');
  const hospital = await actor('Claire Dulac', 'member', { kind: 'etablissement_sante', name: 'Centre hospitalier de Lannemezan', commune: 'Lannemezan' });
  const jams = await actor('Paul Confiturier', 'member', { kind: 'entreprise', name: 'Confitures du Pic', commune: 'Bagnères-de-Bigorre' });
  const joinery = await actor('Anne Cazaux', 'member', { kind: 'entreprise', name: 'Menuiserie Cazaux', commune: 'Tarbes' });
  const pending = await api.signUp('Nouveau Venu');
  await addMember(api, t.id, pending, 'member', { status: 'pending' });
  return {
    territory: { id: t.id, slug: t.slug },
    base: `/api/v1/territories/${t.slug}/listings`,
    categories,
    admin: { user: adminUser, membershipId: t.myMembership.id },
    facilitator,
    hospital,
    jams,
    joinery,
    pending,
    outsider: await api.signUp('Personne Extérieure'),
  };
}

/** The listings of the testimony, as request bodies (categoryId filled in by `post`). */
export const DEMO = {
  fleet: {
    kind: 'offer', category: 'vehicules-mobilite', visibility: 'public', ...PLACES.lannemezan,
    title: 'Prêt de véhicules du parc hospitalier (2 fourgons, 1 minibus 9 places)',
    description: 'Nos fourgons et notre minibus sont peu utilisés le week-end. Nous les prêtons aux associations du réseau.',
    exchangeModes: ['pret', 'mutualisation'], quantity: 3, unit: 'véhicules',
  },
  fruit: {
    kind: 'need', category: 'matieres-approvisionnement', visibility: 'public', ...PLACES.bagneres,
    title: 'Cherche producteurs de fruits pour nos Confitures de fraises et d’abricots',
    description: 'Approvisionnement régulier en fruits de saison, y compris déclassés, auprès des arboriculteurs du territoire.',
    exchangeModes: ['vente', 'echange'], quantity: 800, unit: 'kg', availableFrom: '2027-06-01', availableUntil: '2027-09-30',
  },
  sterilisation: {
    kind: 'need', category: 'savoir-faire', visibility: 'members',
    title: 'Partenaire de transformation : stérilisation et étiquetage',
    description: 'Notre atelier sature en été : nous cherchons un autoclave et une étiqueteuse à mutualiser.',
    exchangeModes: ['mutualisation', 'location'],
  },
  sponsorship: {
    kind: 'offer', category: 'competences-temps', visibility: 'public', ...PLACES.tarbes,
    title: 'Mécénat de compétences : 10 jours de menuiserie pour un projet local',
    description: "Nos salariés donnent de leur temps pour un projet d'intérêt général : mobilier de jardin partagé, local associatif…",
    exchangeModes: ['mecenat_competences'], quantity: 10, unit: 'jours', availableUntil: '2027-12-31',
  },
  farming: {
    kind: 'offer', category: 'savoir-faire', visibility: 'members',
    title: 'Élevage ovin : visite de la bergerie et conseils aux porteurs de projet',
    description: 'Un éleveur accueille les porteurs de projet agricole pour partager son expérience.',
    exchangeModes: ['don'],
  },
} as const;

export type Demo = keyof typeof DEMO;

/** Posts a demo listing as `who`; overrides replace fields of the body. */
export async function post(api: TestApi, net: Network, who: Actor, demo: Demo, overrides: Record<string, unknown> = {}) {
  const { category, ...body } = DEMO[demo];
  const res = await api.call('POST', net.base, {
    token: who.user.token,
    body: { ...body, categoryId: net.categories[category], ...overrides },
  });
  if (res.status !== 201) throw new Error(`post ${demo} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((l) => l.id);
