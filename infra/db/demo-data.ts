// The demo territory, in French, with the real cases of PRODUCT.md: a hospital lending
// its vehicle fleet, a jam producer looking for fruit growers and processing partners,
// a company offering skills sponsorship, a facilitator supporting an existing network.
export const DEMO_PASSWORD = 'demo-soliterr-65';

export const DEMO_TERRITORY = {
  slug: 'coeur-de-bigorre',
  name: 'Cœur de Bigorre — réseau des acteurs locaux',
  description:
    "Le réseau des entreprises, associations, communes et exploitations du cœur de la Bigorre. " +
    "Ce qui manque à l'un, un voisin l'a souvent : publiez ce que vous pouvez offrir et ce dont vous avez besoin.",
  departement: 'Hautes-Pyrénées',
  region: 'Occitanie',
  centerLat: 43.15,
  centerLon: 0.2,
  membershipPolicy: 'approval' as const,
  visibility: 'public' as const,
};

export type DemoRole = 'admin' | 'facilitator' | 'member';

export const DEMO_PEOPLE = [
  { key: 'admin', name: 'Hélène Fourcade', email: 'helene.fourcade@demo.soliterr.fr', role: 'admin', org: 'ccHaute' },
  { key: 'animateur', name: 'Julien Abadie', email: 'julien.abadie@demo.soliterr.fr', role: 'facilitator', org: null },
  { key: 'hopital', name: 'Claire Laborde', email: 'claire.laborde@demo.soliterr.fr', role: 'member', org: 'hopital' },
  { key: 'confitures', name: 'Marie Dupouy', email: 'marie.dupouy@demo.soliterr.fr', role: 'member', org: 'confitures' },
  { key: 'menuiserie', name: 'Thomas Cazaux', email: 'thomas.cazaux@demo.soliterr.fr', role: 'member', org: 'menuiserie' },
  { key: 'verger', name: 'Pierre Lassalle', email: 'pierre.lassalle@demo.soliterr.fr', role: 'member', org: 'verger' },
  { key: 'jardins', name: 'Nadia Benali', email: 'nadia.benali@demo.soliterr.fr', role: 'member', org: 'jardins' },
] as const satisfies readonly { key: string; name: string; email: string; role: DemoRole; org: string | null }[];

/** Someone who asked to join and waits for the facilitator's decision. */
export const DEMO_PENDING = {
  name: 'Lucas Pérès',
  email: 'lucas.peres@demo.soliterr.fr',
  message: "Je lance une conserverie artisanale à Tournay et je cherche des partenaires pour mutualiser du matériel.",
};

export const DEMO_ORGANISATIONS = {
  ccHaute: { kind: 'collectivite', name: 'Communauté de communes Cœur de Bigorre', commune: 'Tournay', postcode: '65190', lat: 43.1856, lon: 0.2436, description: 'La collectivité qui porte le réseau.' },
  hopital: { kind: 'etablissement_sante', name: 'Centre hospitalier de Lannemezan', commune: 'Lannemezan', postcode: '65300', lat: 43.125, lon: 0.3833, description: "Hôpital de proximité. Pas concerné par les approvisionnements locaux, mais notre parc de véhicules peut servir au territoire." },
  confitures: { kind: 'entreprise', name: 'Confitures du Pic', commune: 'Bagnères-de-Bigorre', postcode: '65200', lat: 43.065, lon: 0.1497, description: 'Confitures artisanales aux fruits des Pyrénées.' },
  menuiserie: { kind: 'entreprise', name: 'Menuiserie Cazaux', commune: 'Tarbes', postcode: '65000', lat: 43.2328, lon: 0.0781, description: 'Menuiserie bois, 12 salariés, engagée dans le mécénat de compétences.' },
  verger: { kind: 'exploitation_agricole', name: 'Vergers Lassalle', commune: 'Pouzac', postcode: '65200', lat: 43.0833, lon: 0.1333, description: 'Abricots, prunes et pommes en agriculture raisonnée.' },
  jardins: { kind: 'association', name: 'Les Jardins partagés de Bagnères', commune: 'Bagnères-de-Bigorre', postcode: '65200', lat: 43.0667, lon: 0.15, description: 'Association de jardins partagés et de lien social.' },
} as const;

type Org = keyof typeof DEMO_ORGANISATIONS;

export const DEMO_LISTINGS: {
  author: (typeof DEMO_PEOPLE)[number]['key'];
  org: Org;
  kind: 'offer' | 'need';
  category: string;
  title: string;
  description: string;
  modes: string[];
  visibility: 'public' | 'members';
  quantity?: string;
  unit?: string;
  from?: string;
  until?: string;
}[] = [
  {
    author: 'hopital', org: 'hopital', kind: 'offer', category: 'vehicules-mobilite', visibility: 'public',
    title: 'Prêt de véhicules du parc hospitalier (2 fourgons, 1 minibus 9 places)',
    description: "Nos fourgons et notre minibus sont peu utilisés le week-end et pendant les vacances scolaires. Nous les prêtons aux associations et entreprises du réseau, avec une convention simple.",
    modes: ['pret', 'mutualisation'], quantity: '3', unit: 'véhicules',
  },
  {
    author: 'confitures', org: 'confitures', kind: 'need', category: 'matieres-approvisionnement', visibility: 'public',
    title: 'Cherche producteurs de fruits (abricots, prunes, myrtilles) pour nos confitures',
    description: "Nous cherchons des arboriculteurs du territoire pour un approvisionnement régulier en fruits de saison, y compris les fruits déclassés.",
    modes: ['vente', 'echange'], quantity: '800', unit: 'kg', from: '2027-06-01', until: '2027-09-30',
  },
  {
    author: 'confitures', org: 'confitures', kind: 'need', category: 'savoir-faire', visibility: 'members',
    title: 'Partenaire de transformation : stérilisation et étiquetage',
    description: "Notre atelier sature en été. Nous cherchons une structure équipée (autoclave, étiqueteuse) pour mutualiser la transformation.",
    modes: ['mutualisation', 'location'],
  },
  {
    author: 'verger', org: 'verger', kind: 'offer', category: 'matieres-approvisionnement', visibility: 'public',
    title: 'Abricots et prunes déclassés disponibles en été',
    description: "Environ une tonne de fruits déclassés chaque été, parfaits pour la transformation. Vente à prix solidaire aux structures du réseau.",
    modes: ['vente', 'don'], quantity: '1000', unit: 'kg', from: '2027-07-01', until: '2027-08-31',
  },
  {
    author: 'menuiserie', org: 'menuiserie', kind: 'offer', category: 'competences-temps', visibility: 'public',
    title: 'Mécénat de compétences : 10 jours de menuiserie pour un projet local',
    description: "Nos salariés donnent de leur temps pour un projet d'intérêt général du territoire : aménagement de local associatif, mobilier de jardin partagé…",
    modes: ['mecenat_competences'], quantity: '10', unit: 'jours',
  },
  {
    author: 'jardins', org: 'jardins', kind: 'need', category: 'materiel', visibility: 'public',
    title: 'Bacs de culture surélevés pour les jardiniers à mobilité réduite',
    description: "Nous voulons rendre nos jardins accessibles : il nous faudrait 6 bacs surélevés, ou l'aide d'un menuisier pour les fabriquer.",
    modes: ['don', 'mecenat_competences'], quantity: '6', unit: 'bacs',
  },
  {
    author: 'jardins', org: 'jardins', kind: 'need', category: 'vehicules-mobilite', visibility: 'members',
    title: 'Un minibus pour la sortie des jardiniers au marché de Tarbes',
    description: 'Un samedi matin par mois, pour emmener 8 jardiniers vendre leurs légumes.',
    modes: ['pret'],
  },
  {
    author: 'admin', org: 'ccHaute', kind: 'offer', category: 'locaux-espaces', visibility: 'public',
    title: 'Salle de réunion de la communauté de communes (30 places)',
    description: 'Disponible en soirée et le samedi pour les réunions des membres du réseau.',
    modes: ['pret'],
  },
];

/** Cooperation in the demo territory (infra/db/seed.ts seedCooperation). */
export const DEMO_COOPERATION = {
  conversation: {
    listing: 'Prêt de véhicules du parc hospitalier',
    responder: 'jardins' as (typeof DEMO_PEOPLE)[number]['key'],
    messages: [
      { from: 'jardins', body: "Bonjour, le minibus nous rendrait grand service pour emmener nos jardiniers au marché de Tarbes, un samedi matin par mois. Serait-ce possible ?" },
      { from: 'hopital', body: "Bonjour Nadia, oui, le minibus est libre le samedi. Il faut une convention de prêt : je vous l'envoie, et vous pourrez le prendre dès le mois prochain." },
    ] as { from: (typeof DEMO_PEOPLE)[number]['key']; body: string }[],
  },
  cooperations: [
    {
      listing: 'Un minibus pour la sortie des jardiniers', partner: 'hopital', status: 'confirmed',
      summary: 'Prêt du minibus 9 places du centre hospitalier, un samedi matin par mois, pour le marché de Tarbes',
      mode: 'pret', quantity: '1', unit: 'minibus', kmAvoided: '180', startedOn: '2026-10-03', endedOn: '2026-11-07',
    },
    {
      listing: 'Cherche producteurs de fruits', partner: 'verger', status: 'proposed',
      summary: "Livraison de 300 kg d'abricots déclassés pour la saison 2027",
      mode: 'vente', quantity: '300', unit: 'kg', kmAvoided: '120',
    },
  ] as {
    listing: string; partner: (typeof DEMO_PEOPLE)[number]['key']; status: 'confirmed' | 'proposed'; summary: string;
    mode: 'pret' | 'vente'; quantity?: string; unit?: string; skillHours?: string; kmAvoided?: string; startedOn?: string; endedOn?: string;
  }[],
  savedSearch: { owner: 'jardins' as const, label: 'Véhicules à moins de 20 km', kind: 'offer' as const, radiusKm: 20 },
};
