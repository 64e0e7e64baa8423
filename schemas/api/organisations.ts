// Organisations (structures): the actors of a territory.
import { z } from '@hono/zod-openapi';
import { MEMBERSHIP_ROLES, ORGANISATION_KINDS } from '../db/enums';
import { Latitude, Longitude, requiredText, text, Timestamp, wellFormed } from './common';

/** La Poste's establishments share one SIREN and follow their own check rule. */
const LA_POSTE_SIREN = '356000000';
/** La Poste's head office is the one establishment of that SIREN keyed by Luhn. */
const LA_POSTE_HEAD_OFFICE = '35600000000048';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIRET is 14 digits whose key is Luhn, except La Poste's (sum of digits divisible by 5). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE) {
    return [...value].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  return luhn(value);
}

export const Siret = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{14}$/, { message: 'un SIRET compte 14 chiffres' })
      .refine(isValidSiret, { message: 'SIRET invalide (clé de contrôle)' }),
  )
  .openapi({ type: 'string', example: '73282932000074', description: '14 chiffres (les espaces sont ignorés)' });

export const Postcode = z.string().regex(/^\d{5}$/, { message: 'code postal à 5 chiffres' }).openapi({ example: '65220' });

export const Website = z
  .url({ protocol: /^https?$/, message: 'adresse web en http:// ou https://' })
  .max(500)
  .refine(wellFormed, { message: 'caractère invalide (texte mal encodé)' })
  .openapi({ example: 'https://www.confitures-des-coteaux.fr' });

export const OrganisationKind = z.enum(ORGANISATION_KINDS);

const OrganisationFields = {
  kind: OrganisationKind,
  name: requiredText(200, 2),
  siret: Siret.nullable(),
  address: text(300).nullable(),
  commune: text(120).nullable(),
  postcode: Postcode.nullable(),
  lat: Latitude.nullable(),
  lon: Longitude.nullable(),
  description: text(5000),
  website: Website.nullable(),
};

const bothOrNeither = (b: { lat?: number | null; lon?: number | null }) =>
  (b.lat === undefined) === (b.lon === undefined) && (b.lat === null) === (b.lon === null);
const coordinates = { message: 'latitude et longitude vont ensemble', path: ['lat'] };

export const CreateOrganisationBody = z
  .strictObject({
    ...OrganisationFields,
    siret: OrganisationFields.siret.optional(),
    address: OrganisationFields.address.optional(),
    commune: OrganisationFields.commune.optional(),
    postcode: OrganisationFields.postcode.optional(),
    lat: OrganisationFields.lat.optional(),
    lon: OrganisationFields.lon.optional(),
    description: OrganisationFields.description.default(''),
    website: OrganisationFields.website.optional(),
  })
  .refine(bothOrNeither, coordinates)
  .openapi('CreateOrganisationRequest');

export const UpdateOrganisationBody = z
  .strictObject(Object.fromEntries(Object.entries(OrganisationFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof OrganisationFields]: z.ZodOptional<(typeof OrganisationFields)[K]>;
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'rien à modifier' })
  .refine(bothOrNeither, coordinates)
  .openapi('UpdateOrganisationRequest');

export const OrganisationListQuery = z.strictObject({
  kind: OrganisationKind.optional(),
  q: text(100).optional().openapi({ description: 'Texte cherché dans le nom ou la commune (sans tenir compte des accents)' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().openapi({ description: 'Curseur renvoyé par la page précédente' }),
});

export const OrganisationSchema = z
  .object({
    id: z.uuid(),
    kind: OrganisationKind,
    name: z.string(),
    siret: z.string().nullable(),
    address: z.string().nullable(),
    commune: z.string().nullable(),
    postcode: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    description: z.string(),
    website: z.string().nullable(),
    /** Whether the caller may edit it (representative, creator, admin or facilitator). */
    canEdit: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Organisation');

export const OrganisationPage = z
  .object({ items: z.array(OrganisationSchema), nextCursor: z.string().nullable() })
  .openapi('OrganisationPage');

export const OrganisationMember = z
  .object({ id: z.uuid().openapi({ description: "L'adhésion" }), userId: z.uuid(), name: z.string(), role: z.enum(MEMBERSHIP_ROLES) })
  .openapi('OrganisationMember');
