// Members and organisations written straight through the owner connection, so suites
// that need "an active facilitator" or "a hospital" do not depend on the memberships and
// organisations functions. The rows are exactly what those functions would store.
import { and, eq } from 'drizzle-orm';
import type { MembershipRole, MembershipStatus } from '../../schemas/db';
import { memberships, ORGANISATION_KINDS, organisations } from '../../schemas/db';
import type { TestApi, TestUser } from './harness';

export async function addMember(
  api: TestApi,
  territoryId: string,
  user: TestUser,
  role: MembershipRole = 'member',
  options: { status?: MembershipStatus; organisationId?: string | null } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const status = options.status ?? 'active';
  const now = new Date();
  await api.db.owner.db.insert(memberships).values({
    territoryId,
    id,
    userId: user.id,
    role,
    status,
    organisationId: options.organisationId ?? null,
    charterAcceptedAt: now,
    decidedAt: status === 'pending' ? null : now,
  });
  return id;
}

export async function addOrganisation(
  api: TestApi,
  territoryId: string,
  createdBy: string,
  organisation: { name: string; kind: (typeof ORGANISATION_KINDS)[number]; commune?: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await api.db.owner.db.insert(organisations).values({ territoryId, id, createdBy, ...organisation });
  return id;
}

/** Makes a membership represent an organisation (what a member chooses in their profile). */
export async function represent(api: TestApi, territoryId: string, membershipId: string, organisationId: string): Promise<void> {
  await api.db.owner.db
    .update(memberships)
    .set({ organisationId })
    .where(and(eq(memberships.territoryId, territoryId), eq(memberships.id, membershipId)));
}
