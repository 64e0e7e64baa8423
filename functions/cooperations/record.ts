// Recording a cooperation: the listing's side names what was exchanged and with whom; it
// stays "proposed" until every partner confirmed (the database settles it, 0013).
import type { RouteHandler } from '@hono/zod-openapi';
import { cooperationPartners, cooperations } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { forbidden } from '../shared/http/problems';
import { etag } from './versions';
import { announce } from './notices';
import { cooperationNotFound, findCooperation, viewerOf } from './query';
import { checkConversation, checkCoherence, checkPartners, decimal, listingOfSide } from './rules';
import { cooperationView } from './views';
import type * as r from './routes';

export const createCooperation: RouteHandler<typeof r.createCooperation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const body = c.req.valid('json');
  return withTerritory(c.get('deps').database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    if (!scope.membershipId) throw forbidden('members_only', 'Seuls les membres actifs du territoire enregistrent des coopérations.');
    const viewer = await viewerOf(scope);
    const listing = await listingOfSide(scope, viewer, body.listingId);
    if (body.conversationId) await checkConversation(scope, listing.id, body.conversationId);
    const partners = await checkPartners(scope, viewer, listing, body.partners);
    const fields = {
      quantity: body.quantity ?? null,
      unit: body.unit ?? null,
      startedOn: body.startedOn ?? null,
      endedOn: body.endedOn ?? null,
    };
    checkCoherence(fields);
    const id = crypto.randomUUID();
    await scope.tx.insert(cooperations).values({
      territoryId: scope.territoryId,
      id,
      listingId: listing.id,
      conversationId: body.conversationId ?? null,
      recordedByMembershipId: scope.membershipId,
      recordedByOrganisationId: viewer.organisationId,
      summary: body.summary,
      exchangeMode: body.exchangeMode ?? listing.exchangeModes[0] ?? 'don',
      ...fields,
      quantity: decimal(fields.quantity),
      kmAvoided: decimal(body.kmAvoided ?? null),
      kgSaved: decimal(body.kgSaved ?? null),
      eurosSaved: decimal(body.eurosSaved ?? null),
      skillHours: decimal(body.skillHours ?? null),
    });
    await scope.tx.insert(cooperationPartners).values(partners.map((p) => ({ territoryId: scope.territoryId, cooperationId: id, ...p })));
    const found = await findCooperation(scope, id);
    if (!found) throw cooperationNotFound();
    const view = cooperationView(found.row, found.partners, viewer);
    await announce(scope, viewer, view, 'recorded');
    return c.json(view, 201, { etag: etag(view.version), location: `/api/v1/territories/${slug}/cooperations/${id}` });
  }));
};
