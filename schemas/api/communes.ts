// Commune search (GET /api/v1/communes): where a territory's centre is typed. Answers
// from the built-in list (schemas/geo/communes.ts) or the national address base (BAN).
import { z } from '@hono/zod-openapi';
import { text } from './common';

export const CommuneQuery = z
  .strictObject({
    q: text(100)
      .refine((s) => s.trim().length >= 2, { message: 'Tapez au moins deux lettres du nom de la commune.' })
      .openapi({ description: 'Nom de la commune (2 à 100 caractères), éventuellement suivi du département : « Tarbes (65) »' }),
  })
  .openapi('CommuneQuery');

export const CommuneSchema = z
  .object({
    name: z.string(),
    postcode: z.string().nullable().openapi({ description: 'Code postal principal (null pour la liste intégrée)' }),
    inseeCode: z.string().nullable().openapi({ description: 'Code INSEE de la commune (null pour la liste intégrée)' }),
    departement: z.string().openapi({ description: 'Code du département : « 65 », « 2A », « 971 »' }),
    lat: z.number(),
    lon: z.number(),
  })
  .openapi('Commune');

export const CommuneSearchResult = z
  .object({
    items: z.array(CommuneSchema),
    source: z.enum(['ban', 'builtin']).openapi({
      description: '`builtin` : liste intégrée (préfectures et Hautes-Pyrénées) ; `ban` : Base Adresse Nationale',
    }),
  })
  .openapi('CommuneSearchResult');
