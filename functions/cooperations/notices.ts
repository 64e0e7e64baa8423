// Who is told what about a cooperation, in the request's transaction (functions/shared/notify.ts):
// the partners' sides when it is recorded, amended or withdrawn; the recorder's side when a
// partner confirms or disputes. The actor is never notified of what they did.
import { and, eq } from 'drizzle-orm';
import { organisations, users } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';
import { SITE_PATHS } from '../shared/mail/links';
import { notify, peopleOf } from '../shared/notify';
import type { CooperationView } from './views';
import type { Viewer } from './query';

/** "Claire Dulac (Centre hospitalier de Lannemezan)": how the actor signs a notification. */
export async function actorName(scope: TerritoryScope, viewer: Viewer): Promise<string> {
  const [me] = await scope.tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId!));
  const name = me?.name ?? 'Un membre';
  if (!viewer.organisationId) return name;
  const [org] = await scope.tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.territoryId, scope.territoryId), eq(organisations.id, viewer.organisationId)));
  return org ? `${name} (${org.name})` : name;
}

const about = (c: CooperationView) => (c.listing ? ` : « ${c.listing.title} »` : '');

async function tell(scope: TerritoryScope, userIds: string[], c: CooperationView, title: string, body: string) {
  await notify(scope, userIds, {
    kind: 'cooperation',
    title,
    body,
    link: SITE_PATHS.cooperation(scope.territory.slug, c.id),
    subjectId: c.id,
  });
}

const partnersSide = (scope: TerritoryScope, c: CooperationView) =>
  peopleOf(scope, {
    membershipIds: c.partners.map((p) => p.membershipId),
    organisationIds: c.partners.map((p) => p.organisation?.id),
  });

const recorderSide = (scope: TerritoryScope, c: CooperationView) =>
  peopleOf(scope, { membershipIds: [c.recordedBy.membershipId], organisationIds: [c.recordedBy.organisation?.id] });

export type CooperationEvent = 'recorded' | 'amended' | 'withdrawn' | 'confirmed' | 'disputed';

export async function announce(scope: TerritoryScope, viewer: Viewer, c: CooperationView, event: CooperationEvent, message = '') {
  const who = await actorName(scope, viewer);
  switch (event) {
    case 'recorded':
      return tell(scope, await partnersSide(scope, c), c, `${who} vous demande de confirmer une coopération${about(c)}`, c.summary);
    case 'amended':
      return tell(scope, await partnersSide(scope, c), c, `${who} a corrigé une coopération et vous demande de la confirmer à nouveau${about(c)}`, c.summary);
    case 'withdrawn':
      return tell(scope, await partnersSide(scope, c), c, `${who} a retiré une coopération${about(c)}`, c.summary);
    case 'confirmed': {
      const title = c.status === 'confirmed'
        ? `Coopération confirmée par tous les partenaires${about(c)}`
        : `${who} a confirmé la coopération${about(c)}`;
      return tell(scope, await recorderSide(scope, c), c, title, message || c.summary);
    }
    case 'disputed':
      return tell(scope, await recorderSide(scope, c), c, `${who} conteste la coopération${about(c)}`, message);
  }
}
