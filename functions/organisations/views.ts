import { and, eq, sql } from 'drizzle-orm';
import { iso } from '../../schemas/api';
import { organisations } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';
import { notFound } from '../shared/http/problems';

/** The same rule as the update policy, so the site knows whether to offer « Modifier ». */
const canEdit = sql<boolean>`coalesce(
  ${organisations.id} = app.my_organisation_id(${organisations.territoryId})
  or ${organisations.createdBy} = app.my_membership_id(${organisations.territoryId})
  or app.member_role(${organisations.territoryId}) in ('admin', 'facilitator'), false)`;

/** Organisations of the territory; row-level security decides which are visible. */
export function selectOrganisations(scope: TerritoryScope) {
  return scope.tx.select({ organisation: organisations, canEdit }).from(organisations);
}

export type OrganisationRow = Awaited<ReturnType<typeof selectOrganisations>>[number];

export async function findOrganisation(scope: TerritoryScope, id: string): Promise<OrganisationRow> {
  const [row] = await selectOrganisations(scope).where(and(eq(organisations.territoryId, scope.territoryId), eq(organisations.id, id)));
  if (!row) throw notFound('organisation_not_found', "Cette structure n'existe pas ou n'est pas visible.");
  return row;
}

export function organisationView({ organisation: o, canEdit: editable }: OrganisationRow) {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    siret: o.siret,
    address: o.address,
    commune: o.commune,
    postcode: o.postcode,
    lat: o.lat,
    lon: o.lon,
    description: o.description,
    website: o.website,
    canEdit: Boolean(editable),
    createdAt: iso(o.createdAt)!,
    updatedAt: iso(o.updatedAt)!,
  };
}
