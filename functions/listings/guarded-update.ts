// Every change to a listing goes through here: read the row (404 if invisible), check the
// caller may edit it (403), check the version they read (412/409), then one
// UPDATE … WHERE version = <read version>. Two writers holding the same version cannot
// both succeed: the second one's UPDATE waits for the first, re-checks the version,
// matches nothing, and answers the current version instead of overwriting.
import { and, eq, sql } from 'drizzle-orm';
import { listings } from '../../schemas/db';
import { recordAudit } from '../shared/audit';
import type { TerritoryScope } from '../shared/db/tenant';
import { forbidden, notFound } from '../shared/http/problems';
import { checkVersion, type Expectation, raceVia, stale } from './preconditions';
import { findListing, type ListingRow } from './query';
import { canEdit } from './views';

export type Listing = typeof listings.$inferSelect;
export type ListingChanges = Partial<Omit<typeof listings.$inferInsert, 'territoryId' | 'id' | 'version' | 'authorMembershipId'>>;

export const listingNotFound = () => notFound('listing_not_found', "Cette offre ou ce besoin n'existe pas ou n'est pas visible.");

const notAuthor = () =>
  forbidden('not_author', "Seuls l'auteur, les animateurs et les administrateurs du territoire peuvent modifier cette annonce.");

export interface GuardedChange {
  expect: Expectation;
  /** The columns to set, computed from the current row; undefined when there is nothing to do. */
  change(current: Listing): Promise<ListingChanges | undefined> | ListingChanges | undefined;
  /** Audit action recorded when an admin or facilitator changes someone else's listing. */
  audit: string;
}

export async function guardedUpdate(scope: TerritoryScope, listingId: string, guarded: GuardedChange): Promise<ListingRow> {
  const here = and(eq(listings.territoryId, scope.territoryId), eq(listings.id, listingId));
  const [current] = await scope.tx.select().from(listings).where(here);
  if (!current) throw listingNotFound();
  if (!canEdit(scope, current)) throw notAuthor();
  checkVersion(current.version, guarded.expect);
  const set = await guarded.change(current);
  if (set) {
    const updated = await scope.tx
      .update(listings)
      .set({ ...set, version: sql`${listings.version} + 1`, updatedAt: sql`now()` })
      .where(and(here, eq(listings.version, current.version)))
      .returning({ id: listings.id });
    if (updated.length === 0) {
      // Either someone else won the race (the version moved) or row-level security
      // refused the row although our own check allowed it (it did not move).
      const [now] = await scope.tx.select({ version: listings.version }).from(listings).where(here);
      if (!now) throw listingNotFound();
      if (now.version === current.version) throw notAuthor();
      throw stale(now.version, raceVia(guarded.expect));
    }
    if (current.authorMembershipId !== scope.membershipId) {
      await recordAudit(scope, { action: guarded.audit, targetType: 'listing', targetId: listingId, details: { fields: Object.keys(set) } });
    }
  }
  const row = await findListing(scope, listingId);
  if (!row) throw listingNotFound();
  return row;
}
