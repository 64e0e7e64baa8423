// Offers and needs ("offres et besoins"). Shape errors are refused here (400); rules that
// tie several fields together (dates in order, a unit for a quantity, a full position)
// are checked by the listings function against the stored row too, and answer 422.
import { z } from '@hono/zod-openapi';
import { EXCHANGE_MODES, LISTING_KINDS, LISTING_STATUSES, LISTING_VISIBILITIES, ORGANISATION_KINDS } from '../db/enums';
import { Latitude, Longitude, requiredText, text, Timestamp } from './common';
import { CategorySlug } from './territories';

const IsoDate = z.iso.date({ message: 'date au format AAAA-MM-JJ' }).openapi({ example: '2026-06-01' });

const ExchangeModes = z
  .array(z.enum(EXCHANGE_MODES))
  .min(1, { message: "au moins un mode d'échange" })
  .max(EXCHANGE_MODES.length)
  .refine((modes) => new Set(modes).size === modes.length, { message: "modes d'échange en double" })
  .openapi({ example: ['pret', 'mutualisation'] });

const Version = z.number().int().min(1).openapi({ description: 'La version lue (alternative à If-Match)' });

const ListingFields = {
  categoryId: z.uuid(),
  title: requiredText(140, 3).openapi({ example: 'Prêt de véhicules de service le week-end' }),
  description: text(5000),
  quantity: z.number().min(0.01).max(9_999_999_999).nullable(),
  unit: requiredText(30).nullable().openapi({ example: 'véhicules' }),
  exchangeModes: ExchangeModes,
  availableFrom: IsoDate.nullable(),
  availableUntil: IsoDate.nullable(),
  commune: requiredText(100).nullable().openapi({ example: 'Lannemezan' }),
  lat: Latitude.nullable(),
  lon: Longitude.nullable(),
  visibility: z.enum(LISTING_VISIBILITIES),
  organisationId: z.uuid().nullable(),
};

export const CreateListingBody = z
  .strictObject({
    kind: z.enum(LISTING_KINDS),
    ...ListingFields,
    description: ListingFields.description.default(''),
    quantity: ListingFields.quantity.optional(),
    unit: ListingFields.unit.optional(),
    availableFrom: ListingFields.availableFrom.optional(),
    availableUntil: ListingFields.availableUntil.optional(),
    commune: ListingFields.commune.optional(),
    lat: ListingFields.lat.optional(),
    lon: ListingFields.lon.optional(),
    visibility: ListingFields.visibility.default('members'),
    organisationId: ListingFields.organisationId.optional().openapi({
      description: "Par défaut, la structure que représente l'auteur dans ce territoire",
    }),
  })
  .openapi('CreateListingRequest');

/** `kind` and `status` are not edited here: status moves through close and reopen. */
export const UpdateListingBody = z
  .strictObject({
    categoryId: ListingFields.categoryId.optional(),
    title: ListingFields.title.optional(),
    description: ListingFields.description.optional(),
    quantity: ListingFields.quantity.optional(),
    unit: ListingFields.unit.optional(),
    exchangeModes: ListingFields.exchangeModes.optional(),
    availableFrom: ListingFields.availableFrom.optional(),
    availableUntil: ListingFields.availableUntil.optional(),
    commune: ListingFields.commune.optional(),
    lat: ListingFields.lat.optional(),
    lon: ListingFields.lon.optional(),
    visibility: ListingFields.visibility.optional(),
    organisationId: ListingFields.organisationId.optional(),
    version: Version.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'rien à modifier' })
  .openapi('UpdateListingRequest');

export const CloseListingBody = z
  .strictObject({
    status: z.enum(['fulfilled', 'closed']).default('closed').openapi({ description: 'fulfilled : le besoin ou l’offre a trouvé preneur' }),
    version: Version.optional(),
  })
  .openapi('CloseListingRequest');

export const ReopenListingBody = z.strictObject({ version: Version.optional() }).openapi('ReopenListingRequest');

export const ListingSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(LISTING_KINDS),
    status: z.enum(LISTING_STATUSES),
    title: z.string(),
    description: z.string(),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    exchangeModes: z.array(z.enum(EXCHANGE_MODES)),
    availableFrom: z.string().nullable(),
    availableUntil: z.string().nullable(),
    commune: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    visibility: z.enum(LISTING_VISIBILITIES),
    category: z.object({ id: z.uuid(), slug: z.string(), labelFr: z.string(), labelEn: z.string() }),
    /** Null for visitors: people's names stay inside the territory. */
    author: z.object({ membershipId: z.uuid(), name: z.string() }).nullable(),
    organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }).nullable(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    canEdit: z.boolean(),
    distanceKm: z.number().optional().openapi({ description: 'Distance au point `near`, en km (seulement avec `near`)' }),
  })
  .openapi('Listing');

export const LISTING_SORTS = ['newest', 'nearest', 'ending_soon'] as const;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .transform((s) => [...new Set(s.split(',').map((v) => v.trim()))])
    .pipe(z.array(z.enum(values)).min(1));

const Near = z
  .string()
  .regex(/^-?\d{1,3}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?$/, { message: 'near=latitude,longitude' })
  .transform((s) => {
    const [lat, lon] = s.split(',').map(Number);
    return { lat, lon };
  })
  .pipe(z.object({ lat: Latitude, lon: Longitude }))
  .openapi({ type: 'string', description: 'Point de référence : latitude,longitude (WGS 84)', example: '43.2328,0.0781' });

export const ListingsQuery = z
  .strictObject({
    kind: z.enum(LISTING_KINDS).optional(),
    categoryId: z.uuid().optional(),
    category: CategorySlug.optional().openapi({ description: 'Identifiant (slug) de la catégorie' }),
    status: z
      .union([z.literal('all'), csv(LISTING_STATUSES)])
      .optional()
      .openapi({ type: 'string', description: 'Statuts séparés par des virgules, ou `all`. Par défaut : open,in_progress' }),
    exchangeMode: csv(EXCHANGE_MODES).optional().openapi({ type: 'string', description: "Au moins un de ces modes d'échange (virgules)" }),
    organisationId: z.uuid().optional(),
    authorMembershipId: z.uuid().optional(),
    mine: z.enum(['true', 'false']).optional().openapi({ description: 'Seulement mes offres et besoins' }),
    q: text(200).optional().openapi({ description: 'Recherche plein texte en français, accents ignorés' }),
    near: Near.optional(),
    radiusKm: z.coerce.number().min(1).max(200).optional().openapi({ description: 'Rayon autour de `near` (1–200 km, 50 par défaut)' }),
    sort: z.enum(LISTING_SORTS).default('newest').openapi({
      description: 'newest : les plus récentes ; nearest : les plus proches (avec near) ; ending_soon : fin de disponibilité la plus proche',
    }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional().openapi({ description: 'Curseur renvoyé par la page précédente' }),
  })
  .openapi('ListingsQuery');

export const ListingPage = z
  .object({ items: z.array(ListingSchema), nextCursor: z.string().nullable() })
  .openapi('ListingPage');
