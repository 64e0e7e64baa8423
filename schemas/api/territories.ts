import { z } from '@hono/zod-openapi';
import { MEMBERSHIP_POLICIES, MEMBERSHIP_ROLES, TERRITORY_VISIBILITIES } from '../db/enums';
import { Email, Latitude, Locale, Longitude, Password, requiredText, text, Timestamp } from './common';

/** Names the site and the API need for themselves; a territory cannot take them. */
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'app', 'aide', 'compte', 'docs', 'function', 'help', 'login', 'new', 'nouveau',
  'public', 'soliterr', 'static', 'support', 'territoires', 'territories', 'www',
]);

export const TerritorySlug = z
  .string()
  .min(3)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { message: 'lettres minuscules, chiffres et tirets' })
  .refine((s) => !RESERVED_SLUGS.has(s), { message: 'adresse réservée' })
  .openapi({ example: 'coteaux-de-bigorre' });

const Accent = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'couleur au format #RRGGBB' });

const TerritoryFields = {
  name: requiredText(120, 2),
  description: text(5000),
  departement: text(80).nullable(),
  region: text(80).nullable(),
  centerLat: Latitude.nullable(),
  centerLon: Longitude.nullable(),
  membershipPolicy: z.enum(MEMBERSHIP_POLICIES),
  visibility: z.enum(TERRITORY_VISIBILITIES),
  charter: text(20000),
  accentColor: Accent.nullable(),
};

export const CreateTerritoryBody = z
  .strictObject({
    territory: z.strictObject({
      slug: TerritorySlug,
      ...TerritoryFields,
      description: TerritoryFields.description.default(''),
      departement: TerritoryFields.departement.optional(),
      region: TerritoryFields.region.optional(),
      centerLat: TerritoryFields.centerLat.optional(),
      centerLon: TerritoryFields.centerLon.optional(),
      membershipPolicy: TerritoryFields.membershipPolicy.default('approval'),
      visibility: TerritoryFields.visibility.default('public'),
      charter: TerritoryFields.charter.default(''),
      accentColor: TerritoryFields.accentColor.optional(),
    }),
    /** The first admin's account, when the caller is not signed in. */
    admin: z.strictObject({ email: Email, password: Password, name: requiredText(120), locale: Locale.optional() }).optional(),
  })
  .openapi('CreateTerritoryRequest');

export const UpdateTerritoryBody = z
  .strictObject({
    name: TerritoryFields.name.optional(),
    description: TerritoryFields.description.optional(),
    departement: TerritoryFields.departement.optional(),
    region: TerritoryFields.region.optional(),
    centerLat: TerritoryFields.centerLat.optional(),
    centerLon: TerritoryFields.centerLon.optional(),
    membershipPolicy: TerritoryFields.membershipPolicy.optional(),
    visibility: TerritoryFields.visibility.optional(),
    charter: TerritoryFields.charter.optional(),
    accentColor: TerritoryFields.accentColor.optional(),
    facilitatorsReadConversations: z.boolean().optional().openapi({
      description: 'Les animateurs et administrateurs peuvent lire les conversations des membres (non par défaut)',
    }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'rien à modifier' })
  .openapi('UpdateTerritoryRequest');

export const MyMembershipSummary = z
  .object({
    id: z.uuid(),
    role: z.enum(MEMBERSHIP_ROLES),
    status: z.enum(['pending', 'active', 'suspended']),
  })
  .openapi('MyMembershipSummary');

/** What the public directory shows of a territory. */
export const TerritorySummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    departement: z.string().nullable(),
    region: z.string().nullable(),
    centerLat: z.number().nullable(),
    centerLon: z.number().nullable(),
    membershipPolicy: z.enum(MEMBERSHIP_POLICIES),
  })
  .openapi('TerritorySummary');

/** A territory as its page shows it: the summary, its charter and the caller's membership. */
export const TerritorySchema = TerritorySummary.extend({
  visibility: z.enum(TERRITORY_VISIBILITIES),
  charter: z.string(),
  accentColor: z.string().nullable(),
  facilitatorsReadConversations: z.boolean().openapi({
    description: 'Si vrai, les animateurs et administrateurs peuvent lire les conversations des membres',
  }),
  logoUrl: z.string().nullable().openapi({
    description: "Adresse du logo sur cette instance (chemin), qui change à chaque nouveau logo ; null sans logo",
    example: '/api/v1/territories/coteaux-de-bigorre/logo?v=1795789124642',
  }),
  createdAt: Timestamp,
  /** The caller's membership, when they have one. */
  myMembership: MyMembershipSummary.nullable(),
}).openapi('Territory');

export const DirectoryQuery = z.strictObject({
  q: text(100).optional().openapi({ description: 'Texte cherché dans le nom, le département ou la région' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().openapi({ description: 'Curseur renvoyé par la page précédente' }),
});

export const CreatedTerritory = z
  .object({
    territory: TerritorySchema,
    /** Present when the admin account was created by this request. */
    session: z.object({ token: z.string(), expiresAt: Timestamp }).nullable(),
  })
  .openapi('CreatedTerritory');

export const CategorySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    labelFr: z.string(),
    labelEn: z.string(),
    position: z.number().int(),
    archived: z.boolean(),
  })
  .openapi('Category');

export const CategorySlug = z.string().min(2).max(60).regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);

export const CreateCategoryBody = z
  .strictObject({
    slug: CategorySlug,
    labelFr: requiredText(80),
    labelEn: requiredText(80),
    position: z.number().int().min(0).max(10000).optional(),
  })
  .openapi('CreateCategoryRequest');

export const UpdateCategoryBody = z
  .strictObject({
    labelFr: requiredText(80).optional(),
    labelEn: requiredText(80).optional(),
    position: z.number().int().min(0).max(10000).optional(),
    archived: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'rien à modifier' })
  .openapi('UpdateCategoryRequest');

export const AuditEntry = z
  .object({
    id: z.uuid(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: Timestamp,
  })
  .openapi('AuditEntry');

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
