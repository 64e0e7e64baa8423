import type { RouteHandler } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { categories, listings, memberships, organisations, users } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { forbidden, notFound } from '../shared/http/problems';
import { SITE_PATHS } from '../shared/mail/links';
import { CLOSE_MATCH_SCORE, STRONG_MATCH_SCORE, suggestionsFor } from '../shared/matching';
import { suggestionView } from './views';
import type * as r from './routes';

/** Open needs without a conversation examined per call, the oldest first. */
export const UNMATCHED_EXAMINED = 200;
const DAY_MS = 86_400_000;

const listingNotFound = () => notFound('listing_not_found', "Cette offre ou ce besoin n'existe pas ou n'est pas visible.");

export const listSuggestions: RouteHandler<typeof r.listSuggestions, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, listingId } = c.req.valid('param');
  const { limit } = c.req.valid('query');
  const body = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const [listing] = await scope.tx
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.territoryId, scope.territoryId), eq(listings.id, listingId)));
    if (!listing) throw listingNotFound();
    if (!scope.membershipId) {
      throw forbidden('members_only', 'Les suggestions sont réservées aux membres actifs du territoire.');
    }
    const items = await suggestionsFor(scope, listingId, limit);
    return {
      listingId,
      strongMatchScore: STRONG_MATCH_SCORE,
      closeMatchScore: CLOSE_MATCH_SCORE,
      explanation: SITE_PATHS.matchingExplained,
      items: items.map(suggestionView),
    };
  });
  return c.json(body, 200);
};

export const listUnmatchedNeeds: RouteHandler<typeof r.listUnmatchedNeeds, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { limit } = c.req.valid('query');
  const body = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (scope.role !== 'admin' && scope.role !== 'facilitator') {
      throw forbidden('facilitators_only', 'Seuls les animateurs et les administrateurs du territoire voient les besoins sans réponse.');
    }
    const needs = await scope.tx
      .select({
        listing: listings,
        category: { id: categories.id, slug: categories.slug, labelFr: categories.labelFr, labelEn: categories.labelEn },
        organisationName: organisations.name,
        authorName: users.name,
      })
      .from(listings)
      .innerJoin(categories, and(eq(categories.territoryId, listings.territoryId), eq(categories.id, listings.categoryId)))
      .leftJoin(organisations, and(eq(organisations.territoryId, listings.territoryId), eq(organisations.id, listings.organisationId)))
      .leftJoin(memberships, and(eq(memberships.territoryId, listings.territoryId), eq(memberships.id, listings.authorMembershipId)))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(listings.territoryId, scope.territoryId),
          eq(listings.kind, 'need'),
          eq(listings.status, 'open'),
          sql`${listings.id} not in (select app.listing_ids_with_conversation())`,
        ),
      )
      .orderBy(asc(listings.createdAt), asc(listings.id))
      .limit(UNMATCHED_EXAMINED);
    const now = Date.now();
    const items = [];
    for (const need of needs) {
      const [best] = await suggestionsFor(scope, need.listing.id, 1);
      if (best && best.score >= STRONG_MATCH_SCORE) continue;
      const l = need.listing;
      items.push({
        listing: {
          id: l.id,
          kind: l.kind,
          title: l.title,
          commune: l.commune,
          category: need.category,
          organisationName: need.organisationName,
          createdAt: l.createdAt.toISOString(),
          authorName: need.authorName,
        },
        ageDays: Math.max(0, Math.floor((now - l.createdAt.getTime()) / DAY_MS)),
        bestScore: best?.score ?? null,
      });
      if (items.length >= limit) break;
    }
    return { strongMatchScore: STRONG_MATCH_SCORE, examined: needs.length, items };
  });
  return c.json(body, 200);
};
