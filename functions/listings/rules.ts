// Rules a listing must satisfy beyond the shape of one request: they hold for the row as
// stored after a change (a PATCH of availableUntil alone must still come after the
// stored availableFrom), and the references must belong to the same territory.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { categories, organisations } from '../../schemas/db';
import { rowsOf } from '../shared/db/client';
import type { TerritoryScope } from '../shared/db/tenant';
import { unprocessable } from '../shared/http/problems';

interface Coherent {
  quantity: number | string | null;
  unit: string | null;
  availableFrom: string | null;
  availableUntil: string | null;
  lat: number | null;
  lon: number | null;
}

export function checkCoherence(l: Coherent): void {
  const errors: { path: string; code: string; message: string }[] = [];
  if (l.quantity !== null && !l.unit) {
    errors.push({ path: 'unit', code: 'unit_required', message: 'une quantité demande une unité (kg, heures, véhicules…)' });
  }
  // ISO dates compare correctly as strings.
  if (l.availableFrom && l.availableUntil && l.availableFrom > l.availableUntil) {
    errors.push({ path: 'availableUntil', code: 'dates_out_of_order', message: 'la fin de disponibilité précède le début' });
  }
  if ((l.lat === null) !== (l.lon === null)) {
    errors.push({ path: l.lat === null ? 'lat' : 'lon', code: 'incomplete_position', message: 'latitude et longitude vont ensemble' });
  }
  if (errors.length) throw unprocessable('inconsistent_listing', 'Certaines valeurs ne vont pas ensemble.', { errors });
}

/** A category of this territory that is still in use; archived ones take no new listings. */
export async function checkCategory(scope: TerritoryScope, categoryId: string): Promise<void> {
  const [found] = await scope.tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.territoryId, scope.territoryId), eq(categories.id, categoryId), isNull(categories.archivedAt)));
  if (!found) throw unprocessable('unknown_category', "Cette catégorie n'existe pas (ou plus) dans ce territoire.");
}

export async function checkOrganisation(scope: TerritoryScope, organisationId: string): Promise<void> {
  const [found] = await scope.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.territoryId, scope.territoryId), eq(organisations.id, organisationId)));
  if (!found) throw unprocessable('unknown_organisation', "Cette structure n'est pas enregistrée dans ce territoire.");
}

/** The organisation the caller's membership represents, if any. */
export async function representedOrganisation(scope: TerritoryScope): Promise<string | null> {
  const [row] = rowsOf<{ id: string | null }>(
    await scope.tx.execute(sql`select app.my_organisation_id(${scope.territoryId}) as id`),
  );
  return row?.id ?? null;
}
