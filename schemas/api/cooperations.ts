// Recorded cooperations ("coopérations") and the territory's figures. Shape errors are
// refused here (400); rules that tie the request to stored rows (the caller is the
// listing's side, partners are active members of another side, dates in order) are
// checked by the cooperations function and answer 403 / 422.
import { z } from '@hono/zod-openapi';
import { COOPERATION_STATUSES, EXCHANGE_MODES, LISTING_KINDS, LISTING_STATUSES, PARTNER_STATUSES } from '../db/enums';
import { requiredText, text, Timestamp } from './common';

const IsoDate = z.iso.date({ message: 'date au format AAAA-MM-JJ' }).openapi({ example: '2026-06-01' });
const Version = z.number().int().min(1).openapi({ description: 'La version lue (alternative à If-Match)' });

/** Impact figures as the partners state them: non-negative, bounded to what one cooperation can be. */
const figure = (max: number, example: number) => z.number().min(0).max(max).nullable().openapi({ example });

const CooperationFields = {
  summary: requiredText(2000, 3).openapi({ example: 'Prêt de deux fourgons pour la tournée de ramassage des fruits' }),
  exchangeMode: z.enum(EXCHANGE_MODES),
  quantity: z.number().min(0.01).max(9_999_999_999).nullable(),
  unit: requiredText(30).nullable().openapi({ example: 'véhicules' }),
  startedOn: IsoDate.nullable(),
  endedOn: IsoDate.nullable(),
  kmAvoided: figure(1_000_000, 120).openapi({ description: 'Kilomètres évités' }),
  kgSaved: figure(10_000_000, 350).openapi({ description: 'Kilogrammes sauvés (matières, denrées…)' }),
  eurosSaved: figure(100_000_000, 800).openapi({ description: 'Euros économisés' }),
  skillHours: figure(100_000, 16).openapi({ description: 'Heures de mécénat de compétences' }),
};

const Partners = z
  .array(z.strictObject({ membershipId: z.uuid() }))
  .min(1, { message: 'au moins un partenaire' })
  .max(10, { message: 'au plus 10 partenaires' })
  .refine((ps) => new Set(ps.map((p) => p.membershipId)).size === ps.length, { message: 'partenaire en double' });

export const CreateCooperationBody = z
  .strictObject({
    listingId: z.uuid(),
    conversationId: z.uuid().optional().openapi({ description: 'La conversation (à propos de cette annonce) où la coopération s’est décidée' }),
    partners: Partners,
    summary: CooperationFields.summary,
    exchangeMode: CooperationFields.exchangeMode.optional().openapi({ description: "Par défaut, le premier mode d'échange de l'annonce" }),
    quantity: CooperationFields.quantity.optional(),
    unit: CooperationFields.unit.optional(),
    startedOn: CooperationFields.startedOn.optional(),
    endedOn: CooperationFields.endedOn.optional(),
    kmAvoided: CooperationFields.kmAvoided.optional(),
    kgSaved: CooperationFields.kgSaved.optional(),
    eurosSaved: CooperationFields.eurosSaved.optional(),
    skillHours: CooperationFields.skillHours.optional(),
  })
  .openapi('CreateCooperationRequest');

/** Partners are not changed by an amendment: they are asked again instead. */
export const UpdateCooperationBody = z
  .strictObject({
    summary: CooperationFields.summary.optional(),
    exchangeMode: CooperationFields.exchangeMode.optional(),
    quantity: CooperationFields.quantity.optional(),
    unit: CooperationFields.unit.optional(),
    startedOn: CooperationFields.startedOn.optional(),
    endedOn: CooperationFields.endedOn.optional(),
    kmAvoided: CooperationFields.kmAvoided.optional(),
    kgSaved: CooperationFields.kgSaved.optional(),
    eurosSaved: CooperationFields.eurosSaved.optional(),
    skillHours: CooperationFields.skillHours.optional(),
    version: Version.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'rien à modifier' })
  .openapi('UpdateCooperationRequest');

export const WithdrawCooperationBody = z.strictObject({ version: Version.optional() }).openapi('WithdrawCooperationRequest');
export const ConfirmCooperationBody = z
  .strictObject({ message: text(1000).optional().openapi({ description: 'Un mot pour le partenaire (facultatif)' }) })
  .openapi('ConfirmCooperationRequest');
export const DisputeCooperationBody = z
  .strictObject({ message: requiredText(1000, 3).openapi({ example: 'Un seul fourgon a été prêté, pas deux.' }) })
  .openapi('DisputeCooperationRequest');

const Party = z.object({
  membershipId: z.uuid(),
  name: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const CooperationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(COOPERATION_STATUSES),
    listing: z.object({ id: z.uuid(), title: z.string(), kind: z.enum(LISTING_KINDS), status: z.enum(LISTING_STATUSES) }).nullable(),
    conversationId: z.uuid().nullable(),
    recordedBy: Party,
    summary: z.string(),
    exchangeMode: z.enum(EXCHANGE_MODES),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    kmAvoided: z.number().nullable(),
    kgSaved: z.number().nullable(),
    eurosSaved: z.number().nullable(),
    skillHours: z.number().nullable(),
    partners: z.array(
      Party.extend({ status: z.enum(PARTNER_STATUSES), message: z.string(), decidedAt: Timestamp.nullable() }),
    ),
    confirmedAt: Timestamp.nullable(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    canConfirm: z.boolean().openapi({ description: 'L’appelant peut confirmer ou contester (pour lui-même ou sa structure)' }),
    canAmend: z.boolean(),
    canWithdraw: z.boolean(),
  })
  .openapi('Cooperation');

export const CooperationsQuery = z
  .strictObject({
    status: z.enum(COOPERATION_STATUSES).optional(),
    listingId: z.uuid().optional(),
    mine: z.enum(['true', 'false']).optional().openapi({ description: 'Seulement celles où je suis partie (ou ma structure)' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional().openapi({ description: 'Curseur renvoyé par la page précédente' }),
  })
  .openapi('CooperationsQuery');

export const CooperationPage = z
  .object({ items: z.array(CooperationSchema), nextCursor: z.string().nullable() })
  .openapi('CooperationPage');

const Count = z.number().int().min(0);

export const TerritoryFigures = z
  .object({
    cooperations: Count.openapi({ description: 'Coopérations confirmées' }),
    structures: Count.openapi({ description: 'Structures différentes impliquées' }),
    byExchangeMode: z.array(z.object({ exchangeMode: z.enum(EXCHANGE_MODES), count: Count })),
    byCategory: z.array(z.object({ slug: z.string(), labelFr: z.string(), labelEn: z.string(), count: Count })),
    impact: z.object({ kmAvoided: z.number(), kgSaved: z.number(), eurosSaved: z.number(), skillHours: z.number() }),
    byMonth: z
      .array(z.object({ month: z.string().openapi({ example: '2026-05' }), count: Count }))
      .openapi({ description: 'Les 12 derniers mois, du plus ancien au plus récent (mois de début, sinon de confirmation)' }),
  })
  .openapi('TerritoryFigures');
