// Seeds the demo territory. An operator action: it runs as the schema owner, like the
// migrations, so it writes directly instead of going through the API.
import { eq } from 'drizzle-orm';
import {
  auditLog,
  categories,
  DEFAULT_CATEGORIES,
  CHARTER_TEMPLATE,
  listings,
  memberships,
  organisations,
  territories,
  users,
} from '../../schemas/db';
import { hashPassword } from '../../functions/shared/auth/password';
import type { Database } from '../../functions/shared/db/client';
import { DEMO_LISTINGS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PENDING, DEMO_PEOPLE, DEMO_TERRITORY } from './demo-data';

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
    for (const l of DEMO_LISTINGS) {
      const createdAt = new Date(now.getTime() - minutesAgo * 60_000);
      minutesAgo -= 90;
      await tx.insert(listings).values({
        territoryId,
        id: crypto.randomUUID(),
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
