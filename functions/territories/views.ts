import { and, eq } from 'drizzle-orm';
import { iso } from '../../schemas/api';
import { categories, memberships, territories } from '../../schemas/db';
import type { Scope } from '../shared/db/tenant';
import { notFound } from '../shared/http/problems';

type TerritoryRow = typeof territories.$inferSelect;

/** The territory as the caller sees it, with their own membership when they have one. */
export async function territoryView(scope: Scope, territoryId: string) {
  const [row] = await scope.tx.select().from(territories).where(eq(territories.id, territoryId));
  if (!row) throw notFound('territory_not_found', "Ce territoire n'existe pas ou n'est pas visible.");
  const [mine] = scope.userId
    ? await scope.tx
        .select({ id: memberships.id, role: memberships.role, status: memberships.status })
        .from(memberships)
        .where(and(eq(memberships.territoryId, territoryId), eq(memberships.userId, scope.userId)))
    : [];
  const visible = mine && ['pending', 'active', 'suspended'].includes(mine.status);
  return {
    ...fields(row),
    charter: row.charter,
    accentColor: row.accentColor,
    facilitatorsReadConversations: row.facilitatorsReadConversations,
    logoUrl: logoUrl(row),
    visibility: row.visibility,
    createdAt: iso(row.createdAt)!,
    myMembership: visible ? { id: mine.id, role: mine.role, status: mine.status as 'pending' | 'active' | 'suspended' } : null,
  };
}

/** Versioned by the logo's date, so a cached old logo is never shown for a new one. */
export function logoUrl(row: Pick<TerritoryRow, 'slug' | 'logoKey' | 'logoUpdatedAt'>): string | null {
  if (!row.logoKey || !row.logoUpdatedAt) return null;
  return `/api/v1/territories/${row.slug}/logo?v=${row.logoUpdatedAt.getTime()}`;
}

export function fields(row: TerritoryRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    departement: row.departement,
    region: row.region,
    centerLat: row.centerLat,
    centerLon: row.centerLon,
    membershipPolicy: row.membershipPolicy,
  };
}

export function categoryView(row: typeof categories.$inferSelect) {
  return {
    id: row.id,
    slug: row.slug,
    labelFr: row.labelFr,
    labelEn: row.labelEn,
    position: row.position,
    archived: row.archivedAt !== null,
  };
}
