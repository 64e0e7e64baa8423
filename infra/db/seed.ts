// Seeds the demo territory. An operator action: it runs as the schema owner, like the
// migrations, so it writes directly instead of going through the API.
import { eq } from 'drizzle-orm';
import {
  auditLog,
  categories,
  conversationMessages,
  conversationReads,
  conversations,
  cooperationPartners,
  cooperations,
  DEFAULT_CATEGORIES,
  CHARTER_TEMPLATE,
  listings,
  memberships,
  notifications,
  organisations,
  savedSearches,
  territories,
  users,
} from '../../schemas/db';
import { hashPassword } from '../../functions/shared/auth/password';
import type { Database } from '../../functions/shared/db/client';
import { DEMO_COOPERATION, DEMO_LISTINGS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PENDING, DEMO_PEOPLE, DEMO_TERRITORY } from './demo-data';

export interface SeedResult {
  seeded: boolean;
  slug: string;
  logins: { email: string; role: string; name: string }[];
  password: string;
}

/** Seeds the demo territory unless it exists. Idempotent. */
export async function seedDemo(database: Database): Promise<SeedResult> {
  const logins = [
    ...DEMO_PEOPLE.map((p) => ({ email: p.email, role: p.role, name: p.name })),
    { email: DEMO_PENDING.email, role: 'pending', name: DEMO_PENDING.name },
  ];
  const result = { slug: DEMO_TERRITORY.slug, logins, password: DEMO_PASSWORD };
  const db = database.db;
  const [existing] = await db.select({ id: territories.id }).from(territories).where(eq(territories.slug, DEMO_TERRITORY.slug));
  if (existing) return { seeded: false, ...result };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  await db.transaction(async (tx) => {
    const territoryId = crypto.randomUUID();
    await tx.insert(territories).values({ id: territoryId, ...DEMO_TERRITORY, charter: CHARTER_TEMPLATE, accentColor: '#2e7d32' });

    const categoryIds = new Map<string, string>();
    await tx.insert(categories).values(
      DEFAULT_CATEGORIES.map((c, i) => {
        const id = crypto.randomUUID();
        categoryIds.set(c.slug, id);
        return { territoryId, id, ...c, position: (i + 1) * 10 };
      }),
    );

    const userIds = new Map<string, string>();
    const membershipIds = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const id = crypto.randomUUID();
      userIds.set(person.key, id);
      membershipIds.set(person.key, crypto.randomUUID());
      await tx.insert(users).values({ id, email: person.email, name: person.name, passwordHash, emailVerifiedAt: now });
    }
    const adminUser = userIds.get('admin')!;
    for (const person of DEMO_PEOPLE) {
      await tx.insert(memberships).values({
        territoryId,
        id: membershipIds.get(person.key)!,
        userId: userIds.get(person.key)!,
        role: person.role,
        status: 'active',
        charterAcceptedAt: now,
        decidedBy: person.key === 'admin' ? null : adminUser,
        decidedAt: now,
      });
    }
    const orgIds = new Map<string, string>();
    for (const [key, org] of Object.entries(DEMO_ORGANISATIONS)) {
      const id = crypto.randomUUID();
      orgIds.set(key, id);
      const creator = DEMO_PEOPLE.find((p) => p.org === key)?.key ?? 'admin';
      await tx.insert(organisations).values({ territoryId, id, ...org, createdBy: membershipIds.get(creator)! });
    }
    for (const person of DEMO_PEOPLE) {
      if (!person.org) continue;
      await tx
        .update(memberships)
        .set({ organisationId: orgIds.get(person.org)! })
        .where(eq(memberships.id, membershipIds.get(person.key)!));
    }
    const pendingUser = crypto.randomUUID();
    await tx.insert(users).values({ id: pendingUser, email: DEMO_PENDING.email, name: DEMO_PENDING.name, passwordHash, emailVerifiedAt: now });
    await tx.insert(memberships).values({
      territoryId,
      id: crypto.randomUUID(),
      userId: pendingUser,
      role: 'member',
      status: 'pending',
      charterAcceptedAt: now,
      message: DEMO_PENDING.message,
    });

    let minutesAgo = DEMO_LISTINGS.length * 90;
    const listingIds: string[] = [];
    for (const l of DEMO_LISTINGS) {
      const createdAt = new Date(now.getTime() - minutesAgo * 60_000);
      minutesAgo -= 90;
      const listingId = crypto.randomUUID();
      listingIds.push(listingId);
      await tx.insert(listings).values({
        territoryId,
        id: listingId,
        kind: l.kind,
        categoryId: categoryIds.get(l.category)!,
        title: l.title,
        description: l.description,
        quantity: l.quantity ?? null,
        unit: l.unit ?? null,
        exchangeModes: l.modes as (typeof listings.$inferInsert)['exchangeModes'],
        availableFrom: l.from ?? null,
        availableUntil: l.until ?? null,
        commune: DEMO_ORGANISATIONS[l.org].commune,
        lat: DEMO_ORGANISATIONS[l.org].lat,
        lon: DEMO_ORGANISATIONS[l.org].lon,
        visibility: l.visibility,
        authorMembershipId: membershipIds.get(l.author)!,
        organisationId: orgIds.get(l.org)!,
        createdAt,
        updatedAt: createdAt,
      });
    }
    await seedCooperation(tx, { territoryId, now, listingIds, orgIds, membershipIds, userIds });
    await tx.insert(auditLog).values([
      { territoryId, actorUserId: adminUser, action: 'territory.created', targetType: 'territory', targetId: territoryId },
      ...DEMO_PEOPLE.filter((p) => p.key !== 'admin').map((p) => ({
        territoryId,
        actorUserId: adminUser,
        action: 'membership.approved',
        targetType: 'membership',
        targetId: membershipIds.get(p.key)!,
        details: {},
      })),
    ]);
  });
  return { seeded: true, ...result };
}

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];
type Person = (typeof DEMO_PEOPLE)[number]['key'];

/**
 * What cooperation looks like once people use it: the shared gardens asked about the
 * hospital's vehicles, and the loan of its minibus is recorded and confirmed (the gardens'
 * members-only need is fulfilled, the territory's figures are not empty); the orchard has
 * a cooperation to confirm; the notifications they caused; a saved search.
 */
async function seedCooperation(
  tx: Tx,
  ids: { territoryId: string; now: Date; listingIds: string[]; orgIds: Map<string, string>; membershipIds: Map<string, string>; userIds: Map<string, string> },
): Promise<void> {
  const { territoryId, now } = ids;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const listingOf = (title: string) => {
    const i = DEMO_LISTINGS.findIndex((l) => l.title.startsWith(title));
    if (i < 0) throw new Error(`demo: no listing "${title}"`);
    return { id: ids.listingIds[i], listing: DEMO_LISTINGS[i] };
  };
  const member = (key: Person) => ids.membershipIds.get(key)!;
  const orgOf = (key: Person) => {
    const org = DEMO_PEOPLE.find((p) => p.key === key)!.org;
    return org ? ids.orgIds.get(org)! : null;
  };
  const user = (key: Person) => ids.userIds.get(key)!;
  const slug = DEMO_TERRITORY.slug;

  const c = DEMO_COOPERATION.conversation;
  const about = listingOf(c.listing);
  const conversationId = crypto.randomUUID();
  await tx.insert(conversations).values({
    territoryId, id: conversationId, listingId: about.id,
    authorMembershipId: member(about.listing.author), authorOrganisationId: ids.orgIds.get(about.listing.org)!,
    responderMembershipId: member(c.responder), responderOrganisationId: orgOf(c.responder),
    createdAt: at(30), updatedAt: at(2), lastMessageAt: at(2),
  });
  await tx.insert(conversationMessages).values(
    c.messages.map((m, i) => ({
      territoryId, id: crypto.randomUUID(), conversationId, authorMembershipId: member(m.from), body: m.body,
      createdAt: at(30 - i * 14),
    })),
  );
  await tx.insert(conversationReads).values({ territoryId, conversationId, membershipId: member(c.responder), lastReadAt: at(2) });
  await tx.insert(notifications).values({
    territoryId, id: crypto.randomUUID(), userId: user(c.responder), kind: 'message',
    title: `${DEMO_PEOPLE.find((p) => p.key === about.listing.author)!.name} vous a répondu : ${about.listing.title}`,
    link: `/t/${slug}/conversations/${conversationId}`, subjectId: conversationId, createdAt: at(2), emailedAt: at(2),
  });

  for (const coop of DEMO_COOPERATION.cooperations) {
    const need = listingOf(coop.listing);
    const id = crypto.randomUUID();
    const confirmed = coop.status === 'confirmed';
    await tx.insert(cooperations).values({
      territoryId, id, listingId: need.id, recordedByMembershipId: member(need.listing.author),
      recordedByOrganisationId: ids.orgIds.get(need.listing.org)!, summary: coop.summary, exchangeMode: coop.mode,
      quantity: coop.quantity ?? null, unit: coop.unit ?? null, skillHours: coop.skillHours ?? null, kmAvoided: coop.kmAvoided ?? null,
      startedOn: coop.startedOn ?? null, endedOn: coop.endedOn ?? null,
      status: coop.status, confirmedAt: confirmed ? at(20) : null, createdAt: at(48), updatedAt: at(20),
    });
    await tx.insert(cooperationPartners).values({
      territoryId, cooperationId: id, membershipId: member(coop.partner), organisationId: orgOf(coop.partner),
      status: confirmed ? 'confirmed' : 'pending', decidedAt: confirmed ? at(20) : null, decidedByMembershipId: confirmed ? member(coop.partner) : null,
    });
    if (confirmed) {
      await tx.update(listings).set({ status: 'fulfilled', version: 2, updatedAt: at(20) }).where(eq(listings.id, need.id));
    } else {
      await tx.insert(notifications).values({
        territoryId, id: crypto.randomUUID(), userId: user(coop.partner), kind: 'cooperation',
        title: `${DEMO_PEOPLE.find((p) => p.key === need.listing.author)!.name} vous demande de confirmer une coopération : ${coop.summary}`,
        link: `/t/${slug}/cooperations/${id}`, subjectId: id, createdAt: at(3), emailedAt: at(3),
      });
    }
  }

  const search = DEMO_COOPERATION.savedSearch;
  await tx.insert(savedSearches).values({
    territoryId, id: crypto.randomUUID(), membershipId: member(search.owner), label: search.label, kind: search.kind,
    nearLat: DEMO_ORGANISATIONS.jardins.lat, nearLon: DEMO_ORGANISATIONS.jardins.lon, radiusKm: search.radiusKm, createdAt: at(72),
  });
}
