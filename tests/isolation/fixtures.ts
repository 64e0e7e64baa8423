// Two territories seeded through the OWNER connection (which bypasses row-level security),
// with explicit ids, so that every test can compare what a role sees with what is really
// stored. A is public, B is private; Marie belongs to both with different roles.
import { eq } from 'drizzle-orm';
import type { Database } from '../../functions/shared/db/client';
import {
  auditLog,
  categories,
  conversationMessages,
  conversationReads,
  conversations,
  cooperationPartners,
  cooperations,
  idempotencyKeys,
  invitations,
  listings,
  memberships,
  notifications,
  organisations,
  savedSearches,
  sessions,
  territories,
  userTokens,
  users,
} from '../../schemas/db';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Readable, distinct ids: the first group says what the row is, the last its number. */
export const uuid = (kind: number, n: number): string =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const A = {
  id: uuid(1, 1),
  slug: 'coteaux-de-bigorre',
  name: 'Communauté de communes des Coteaux de Bigorre',
  visibility: 'public',
  membershipPolicy: 'approval',
} satisfies Row<typeof territories>;

export const B = {
  id: uuid(1, 2),
  slug: 'reseau-des-baronnies',
  name: 'Réseau des acteurs des Baronnies',
  visibility: 'private',
  membershipPolicy: 'invitation',
} satisfies Row<typeof territories>;

const person = (n: number, name: string, email: string) =>
  ({ id: uuid(2, n), name, email, passwordHash: '$argon2id$fixture', emailVerifiedAt: new Date() }) satisfies Row<typeof users>;

export const people = {
  adminA: person(1, 'Sophie Lacoste', 'sophie.lacoste@coteaux.example.fr'),
  facilitatorA: person(2, 'Karim Benali', 'animation@coteaux.example.fr'),
  memberA: person(3, 'Hélène Duffau', 'helene@confitures-du-val.example.fr'),
  hospitalA: person(4, 'Jean Abadie', 'logistique@ch-lannemezan.example.fr'),
  pendingA: person(5, 'Lucas Fourcade', 'lucas.fourcade@example.fr'),
  adminB: person(6, 'Claire Vidal', 'claire.vidal@baronnies.example.fr'),
  facilitatorB: person(7, 'Thomas Baylac', 'animation@baronnies.example.fr'),
  memberB: person(8, 'Paul Sarrat', 'gaec.sarrat@example.fr'),
  pendingB: person(9, 'Inès Castet', 'ines.castet@example.fr'),
  /** Member in A, facilitator in B. */
  both: person(10, 'Marie Dupuy', 'marie@menuiserie-pujol.example.fr'),
  /** An account that belongs to no territory. */
  outsider: person(11, 'Nadia Roux', 'nadia.roux@example.fr'),
};

const membership = (
  territory: { id: string },
  n: number,
  who: { id: string },
  role: 'admin' | 'facilitator' | 'member',
  status: 'active' | 'pending',
) => ({ territoryId: territory.id, id: uuid(3, n), userId: who.id, role, status }) satisfies Row<typeof memberships>;

export const members = {
  adminA: membership(A, 1, people.adminA, 'admin', 'active'),
  facilitatorA: membership(A, 2, people.facilitatorA, 'facilitator', 'active'),
  memberA: membership(A, 3, people.memberA, 'member', 'active'),
  hospitalA: membership(A, 4, people.hospitalA, 'member', 'active'),
  pendingA: membership(A, 5, people.pendingA, 'member', 'pending'),
  bothA: membership(A, 6, people.both, 'member', 'active'),
  adminB: membership(B, 7, people.adminB, 'admin', 'active'),
  facilitatorB: membership(B, 8, people.facilitatorB, 'facilitator', 'active'),
  memberB: membership(B, 9, people.memberB, 'member', 'active'),
  pendingB: membership(B, 10, people.pendingB, 'member', 'pending'),
  bothB: membership(B, 11, people.both, 'facilitator', 'active'),
};

const organisation = (
  n: number,
  creator: { territoryId: string; id: string },
  kind: Row<typeof organisations>['kind'],
  name: string,
  commune: string,
) => ({ territoryId: creator.territoryId, id: uuid(4, n), kind, name, commune, createdBy: creator.id }) satisfies Row<typeof organisations>;

export const orgs = {
  hospital: organisation(1, members.hospitalA, 'etablissement_sante', 'Centre hospitalier de Lannemezan', 'Lannemezan'),
  jam: organisation(2, members.memberA, 'entreprise', "Confitures du Val d'Arros", 'Tournay'),
  joinery: organisation(3, members.bothA, 'entreprise', 'Menuiserie Pujol', 'Trie-sur-Baïse'),
  townHall: organisation(4, members.adminA, 'collectivite', 'Mairie de Tournay', 'Tournay'),
  farm: organisation(5, members.memberB, 'exploitation_agricole', 'GAEC des Baronnies', 'Bourg-de-Bigorre'),
  cooperative: organisation(6, members.facilitatorB, 'association', 'Coopérative des Baronnies', 'Esparros'),
};

/** Whom each person represents, set after both tables exist (the foreign keys are circular). */
const represents: [typeof members.adminA, typeof orgs.hospital][] = [
  [members.memberA, orgs.jam],
  [members.hospitalA, orgs.hospital],
  [members.bothA, orgs.joinery],
  [members.memberB, orgs.farm],
];

const category = (territory: { id: string }, n: number, slug: string, labelFr: string, labelEn: string) =>
  ({ territoryId: territory.id, id: uuid(5, n), slug, labelFr, labelEn }) satisfies Row<typeof categories>;

export const cats = {
  vehiclesA: category(A, 1, 'vehicules-mobilite', 'Véhicules et mobilité', 'Vehicles and mobility'),
  suppliesA: category(A, 2, 'matieres-approvisionnement', 'Matières et approvisionnement', 'Materials and supplies'),
  skillsA: category(A, 3, 'competences-temps', 'Compétences et temps', 'Skills and time'),
  vehiclesB: category(B, 4, 'vehicules-mobilite', 'Véhicules et mobilité', 'Vehicles and mobility'),
  /** A slug that exists only in B. */
  premisesB: category(B, 5, 'locaux-espaces', 'Locaux et espaces', 'Premises and spaces'),
};

const listing = (
  n: number,
  author: { territoryId: string; id: string },
  fields: Pick<Row<typeof listings>, 'kind' | 'title' | 'categoryId' | 'organisationId' | 'visibility' | 'status' | 'exchangeModes'>,
) => ({ territoryId: author.territoryId, id: uuid(6, n), authorMembershipId: author.id, ...fields }) satisfies Row<typeof listings>;

export const ads = {
  /** Public and open: the hospital lends its vehicle fleet. */
  fleetA: listing(1, members.hospitalA, {
    kind: 'offer', title: 'Prêt de véhicules du parc hospitalier', categoryId: cats.vehiclesA.id,
    organisationId: orgs.hospital.id, visibility: 'public', status: 'open', exchangeModes: ['pret'],
  }),
  /** Members only: the jam producer looks for fruit growers. */
  fruitA: listing(2, members.memberA, {
    kind: 'need', title: 'Recherche fruits rouges de producteurs locaux', categoryId: cats.suppliesA.id,
    organisationId: orgs.jam.id, visibility: 'members', status: 'open', exchangeModes: ['vente', 'echange'],
  }),
  /** Public but closed: no longer shown to visitors. */
  jarsA: listing(3, members.memberA, {
    kind: 'offer', title: 'Bocaux de confiture invendus', categoryId: cats.suppliesA.id,
    organisationId: orgs.jam.id, visibility: 'public', status: 'closed', exchangeModes: ['don'],
  }),
  /** Public and in progress: skills sponsorship by Marie's joinery. */
  sponsorshipA: listing(4, members.bothA, {
    kind: 'offer', title: 'Mécénat de compétences : deux jours de menuiserie', categoryId: cats.skillsA.id,
    organisationId: orgs.joinery.id, visibility: 'public', status: 'in_progress', exchangeModes: ['mecenat_competences'],
  }),
  /** Public and open, but B is a private territory. */
  tractorB: listing(5, members.memberB, {
    kind: 'offer', title: "Prêt d'un tracteur pour les vendanges", categoryId: cats.vehiclesB.id,
    organisationId: orgs.farm.id, visibility: 'public', status: 'open', exchangeModes: ['pret'],
  }),
  hallB: listing(6, members.bothB, {
    kind: 'need', title: 'Salle pour la réunion de l’espace Gouvernance', categoryId: cats.premisesB.id,
    organisationId: orgs.cooperative.id, visibility: 'members', status: 'open', exchangeModes: ['mutualisation'],
  }),
};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

export const invites = {
  a: { territoryId: A.id, id: uuid(7, 1), email: 'contact@ferme-du-lac.example.fr', tokenHash: 'hash-invitation-a', invitedBy: members.adminA.id, expiresAt: inDays(7) },
  b: { territoryId: B.id, id: uuid(7, 2), email: 'contact@scierie.example.fr', tokenHash: 'hash-invitation-b', invitedBy: members.adminB.id, expiresAt: inDays(7) },
} satisfies Record<string, Row<typeof invitations>>;

const audit = (territory: { id: string }, n: number, actor: { id: string }, action: string, targetType: string, targetId: string) =>
  ({ territoryId: territory.id, id: uuid(8, n), actorUserId: actor.id, action, targetType, targetId }) satisfies Row<typeof auditLog>;

export const audits = [
  audit(A, 1, people.adminA, 'territory.created', 'territory', A.id),
  audit(A, 2, people.facilitatorA, 'membership.approved', 'membership', members.memberA.id),
  audit(B, 3, people.adminB, 'territory.created', 'territory', B.id),
  audit(B, 4, people.facilitatorB, 'membership.approved', 'membership', members.memberB.id),
];

export const sessionRows = [
  { id: 'session-admin-a', userId: people.adminA.id, expiresAt: inDays(30) },
  { id: 'session-member-a', userId: people.memberA.id, expiresAt: inDays(30) },
  { id: 'session-member-b', userId: people.memberB.id, expiresAt: inDays(30) },
  { id: 'session-both-laptop', userId: people.both.id, expiresAt: inDays(30) },
  { id: 'session-both-phone', userId: people.both.id, expiresAt: inDays(30) },
] satisfies Row<typeof sessions>[];

export const tokenRows = [
  { id: 'token-member-a', userId: people.memberA.id, purpose: 'verify_email', expiresAt: inDays(1) },
  { id: 'token-pending-a', userId: people.pendingA.id, purpose: 'verify_email', expiresAt: inDays(1) },
  { id: 'token-member-b', userId: people.memberB.id, purpose: 'reset_password', expiresAt: inDays(1) },
] satisfies Row<typeof userTokens>[];

/**
 * One stored answer per territory. Keys are visible to their owner only, so they belong to
 * each territory's admin: the sweeps, acting as that admin, must see every row of it.
 */
export const keyRows = [
  { territoryId: A.id, userId: people.adminA.id, key: 'cle-a', fingerprint: 'f-a', status: 201, headers: {}, body: '{"territory":"A"}', expiresAt: inDays(1) },
  { territoryId: B.id, userId: people.adminB.id, key: 'cle-b', fingerprint: 'f-b', status: 201, headers: {}, body: '{"territory":"B"}', expiresAt: inDays(1) },
] satisfies Row<typeof idempotencyKeys>[];

/**
 * Cooperation rows, one set per territory. Conversations, notifications and saved searches
 * are private to their people, so each territory's admin is a party to all of them: the
 * sweeps, acting as that admin, must see every row.
 */
const talk = (t: { id: string }, n: number, listing: Row<typeof listings>, responder: { id: string }) => ({
  conversation: {
    territoryId: t.id, id: uuid(10, n), listingId: listing.id, authorMembershipId: listing.authorMembershipId,
    authorOrganisationId: listing.organisationId ?? null, responderMembershipId: responder.id,
  } satisfies Row<typeof conversations>,
  message: { territoryId: t.id, id: uuid(11, n), conversationId: uuid(10, n), authorMembershipId: responder.id, body: 'Bonjour, je peux aider.' } satisfies Row<typeof conversationMessages>,
  read: { territoryId: t.id, conversationId: uuid(10, n), membershipId: responder.id } satisfies Row<typeof conversationReads>,
  cooperation: {
    territoryId: t.id, id: uuid(12, n), listingId: listing.id, conversationId: uuid(10, n), recordedByMembershipId: listing.authorMembershipId,
    recordedByOrganisationId: listing.organisationId ?? null, summary: 'Prêt réalisé', exchangeMode: 'pret', status: 'confirmed',
  } satisfies Row<typeof cooperations>,
  partner: { territoryId: t.id, cooperationId: uuid(12, n), membershipId: responder.id, status: 'confirmed' } satisfies Row<typeof cooperationPartners>,
});

export const cooperationRows = [talk(A, 1, ads.fleetA, members.adminA), talk(B, 2, ads.tractorB, members.adminB)];

export const notificationRows = [
  { territoryId: A.id, id: uuid(13, 1), userId: people.adminA.id, kind: 'message', title: 'Nouveau message', link: '/t/a' },
  { territoryId: B.id, id: uuid(13, 2), userId: people.adminB.id, kind: 'message', title: 'Nouveau message', link: '/t/b' },
] satisfies Row<typeof notifications>[];

export const savedSearchRows = [
  { territoryId: A.id, id: uuid(14, 1), membershipId: members.adminA.id, label: 'Véhicules', kind: 'offer' },
  { territoryId: B.id, id: uuid(14, 2), membershipId: members.adminB.id, label: 'Véhicules', kind: 'offer' },
] satisfies Row<typeof savedSearches>[];

export async function seed(owner: Database): Promise<void> {
  const db = owner.db;
  await db.insert(territories).values([A, B]);
  await db.insert(users).values(Object.values(people));
  await db.insert(memberships).values(Object.values(members));
  await db.insert(organisations).values(Object.values(orgs));
  await db.insert(categories).values(Object.values(cats));
  await db.insert(listings).values(Object.values(ads));
  await db.insert(invitations).values(Object.values(invites));
  await db.insert(auditLog).values(audits);
  await db.insert(sessions).values(sessionRows);
  await db.insert(userTokens).values(tokenRows);
  await db.insert(idempotencyKeys).values(keyRows);
  for (const [m, org] of represents) {
    await db.update(memberships).set({ organisationId: org.id }).where(eq(memberships.id, m.id));
  }
  await db.insert(conversations).values(cooperationRows.map((r) => r.conversation));
  await db.insert(conversationMessages).values(cooperationRows.map((r) => r.message));
  await db.insert(conversationReads).values(cooperationRows.map((r) => r.read));
  await db.insert(cooperations).values(cooperationRows.map((r) => r.cooperation));
  await db.insert(cooperationPartners).values(cooperationRows.map((r) => r.partner));
  await db.insert(notifications).values(notificationRows);
  await db.insert(savedSearches).values(savedSearchRows);
}

/** Ids of the fixture rows of `rows` that match `keep`, sorted, to compare with what a role sees. */
export function idsOf<T extends { id: string }>(rows: Record<string, T> | T[], keep: (row: T) => boolean = () => true): string[] {
  return Object.values(rows).filter(keep).map((r) => r.id).sort();
}
