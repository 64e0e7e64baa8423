import { createRoute, z } from '@hono/zod-openapi';
import { SuggestionList, SuggestionsQuery, UnmatchedNeedList, UnmatchedNeedsQuery } from '../../schemas/api';
import { errors, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';

const tags = ['Mises en relation suggérées'];

export const listSuggestions = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/listings/{listingId}/suggestions', operationId: 'listSuggestions', tags, security: SIGNED_IN,
  summary: 'Suggestions pour une offre ou un besoin, avec leurs raisons (membres actifs)',
  description:
    'Pour un besoin, des offres ouvertes ; pour une offre, des besoins ouverts ; jamais ceux de l’auteur ni de sa structure. ' +
    'Score de 0 à 100, somme de signaux documentés : même catégorie (35) ou voisine (20), mots communs (10 par mot, 30 au plus), ' +
    'distance (15 jusqu’à 5 km, 10 jusqu’à 20 km, 5 jusqu’à 50 km), dates qui se recouvrent (10), mode d’échange commun (10). ' +
    'Ordre : score décroissant, puis la plus récente d’abord, puis l’identifiant. Aucune popularité, aucun paiement, aucun profil. ' +
    'Règles complètes : /comment-nous-suggerons.',
  request: { params: z.object({ slug: SlugParam, listingId: UuidParam('listingId') }), query: SuggestionsQuery },
  responses: { 200: jsonResponse(SuggestionList, 'Les suggestions, les meilleures d’abord'), ...errors(401, 403, 404) },
});

export const listUnmatchedNeeds = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/unmatched-needs', operationId: 'listUnmatchedNeeds', tags, security: SIGNED_IN,
  summary: 'Besoins sans réponse (animateurs et administrateurs)',
  description:
    'Besoins ouverts sans aucune conversation et sans suggestion au-dessus du seuil fort, les plus anciens d’abord, avec leur âge en jours. ' +
    'Les 200 besoins ouverts sans conversation les plus anciens sont examinés à chaque appel.',
  request: { params: z.object({ slug: SlugParam }), query: UnmatchedNeedsQuery },
  responses: { 200: jsonResponse(UnmatchedNeedList, 'Les besoins à relancer'), ...errors(401, 403, 404) },
});
