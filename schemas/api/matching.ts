// Transparent matching (issue 5): suggestions with their reasons, unmatched needs.
// The rules behind the numbers: docs/matching.md and the site page « Comment nous suggérons ».
import { z } from '@hono/zod-openapi';
import { EXCHANGE_MODES, LISTING_KINDS } from '../db/enums';
import { Timestamp } from './common';

export const SuggestionsQuery = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(20).default(10).openapi({ description: 'Nombre de suggestions (1–20, 10 par défaut)' }),
  })
  .openapi('SuggestionsQuery');

const SuggestedListing = z
  .object({
    id: z.uuid(),
    kind: z.enum(LISTING_KINDS),
    title: z.string(),
    commune: z.string().nullable(),
    category: z.object({ id: z.uuid(), slug: z.string(), labelFr: z.string(), labelEn: z.string() }),
    organisationName: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi('SuggestedListing');

export const MatchSignalsSchema = z
  .object({
    category: z.enum(['same', 'related']).nullable().openapi({ description: 'Même catégorie, catégorie voisine, ou aucune des deux' }),
    sharedWords: z.array(z.string()).openapi({ description: 'Quelques mots de l’annonce suggérée que l’autre annonce emploie aussi', example: ['fourgon', 'week-end'] }),
    sharedWordCount: z.number().int().min(0).openapi({ description: 'Nombre de mots communs comptés (racines françaises distinctes)' }),
    distanceKm: z.number().nullable().openapi({ description: 'Distance à vol d’oiseau quand les deux annonces sont situées' }),
    datesOverlap: z.boolean().openapi({ description: 'Au moins une des deux a des dates, et les périodes se recouvrent' }),
    commonExchangeModes: z.array(z.enum(EXCHANGE_MODES)),
  })
  .openapi('MatchSignals');

export const SuggestionSchema = z
  .object({
    listing: SuggestedListing,
    score: z.number().int().min(0).max(100),
    strength: z.enum(['strong', 'close', 'possible']).openapi({ description: 'strong : « très proche » (score ≥ seuil fort) ; close : « proche » ; possible' }),
    reasons: z.array(z.string()).openapi({ example: ['même catégorie', 'à 4 km', 'mots communs : fourgon, week-end'] }),
    signals: MatchSignalsSchema,
  })
  .openapi('Suggestion');

export const SuggestionList = z
  .object({
    listingId: z.uuid(),
    strongMatchScore: z.number().int(),
    closeMatchScore: z.number().int(),
    explanation: z.string().openapi({ description: 'Page du site qui explique les règles', example: '/comment-nous-suggerons' }),
    items: z.array(SuggestionSchema),
  })
  .openapi('SuggestionList');

export const UnmatchedNeedsQuery = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(50).default(20).openapi({ description: 'Nombre de besoins (1–50, 20 par défaut)' }),
  })
  .openapi('UnmatchedNeedsQuery');

export const UnmatchedNeedSchema = z
  .object({
    listing: SuggestedListing.extend({ authorName: z.string().nullable() }),
    ageDays: z.number().int().min(0).openapi({ description: 'Jours depuis la publication' }),
    bestScore: z.number().int().nullable().openapi({ description: 'Score de la meilleure suggestion (sous le seuil fort), ou null s’il n’y en a aucune' }),
  })
  .openapi('UnmatchedNeed');

export const UnmatchedNeedList = z
  .object({
    strongMatchScore: z.number().int(),
    examined: z.number().int().openapi({ description: 'Besoins ouverts sans conversation examinés (les plus anciens d’abord)' }),
    items: z.array(UnmatchedNeedSchema),
  })
  .openapi('UnmatchedNeedList');
