// New strong matches (issue 5): when a listing is published, the authors of its strong
// matches hear about it (kind 'match', the best NOTIFIED_MATCHES only) and so does the
// new listing's author, once, with the count. In the request's transaction, like every
// notification: a publication that fails notifies nobody. Emails follow each person's
// preferences (by default: the daily digest), sent by the scheduled `digests` function.
import { and, eq } from 'drizzle-orm';
import { listings, notifications } from '../../../schemas/db';
import type { TerritoryScope } from '../db/tenant';
import { SITE_PATHS } from '../mail/links';
import { notify, peopleOf } from '../notify';
import { suggestionsFor } from './query';
import { NOTIFIED_MATCHES, STRONG_MATCH_SCORE } from './weights';

/** How many listings are looked at to count the new listing's strong matches. */
const COUNTED = 20;

const quoted = (title: string) => `« ${title.length > 80 ? `${title.slice(0, 79)}…` : title} »`;

export async function notifyStrongMatches(scope: TerritoryScope, listingId: string, slug: string): Promise<number> {
  const [listing] = await scope.tx
    .select({ kind: listings.kind, title: listings.title, status: listings.status })
    .from(listings)
    .where(and(eq(listings.territoryId, scope.territoryId), eq(listings.id, listingId)));
  if (!listing || listing.status !== 'open') return 0;
  const strong = (await suggestionsFor(scope, listingId, COUNTED)).filter((s) => s.score >= STRONG_MATCH_SCORE);
  if (strong.length === 0) return 0;
  const link = SITE_PATHS.listing(slug, listingId);
  for (const match of strong.slice(0, NOTIFIED_MATCHES)) {
    const authors = await peopleOf(scope, { membershipIds: [match.listing.authorMembershipId] });
    const title =
      listing.kind === 'offer'
        ? `Votre besoin ${quoted(match.listing.title)} pourrait être satisfait par ${quoted(listing.title)}`
        : `Votre offre ${quoted(match.listing.title)} pourrait répondre au besoin ${quoted(listing.title)}`;
    await notify(scope, authors, { kind: 'match', title, body: `Pourquoi : ${match.reasons.join(' ; ')}.`, link, subjectId: listingId });
  }
  // notify() never tells people what they did themselves; this is not what they did but
  // what their publication found, so the author's own line is written here.
  const what = listing.kind === 'need' ? ['offre correspond', 'offres correspondent'] : ['besoin correspond', 'besoins correspondent'];
  const count = strong.length;
  const mine = listing.kind === 'need' ? 'votre besoin' : 'votre offre';
  if (scope.userId) {
    await scope.tx.insert(notifications).values({
      territoryId: scope.territoryId,
      id: crypto.randomUUID(),
      userId: scope.userId,
      kind: 'match',
      title: `${count === COUNTED ? `Au moins ${count}` : count} ${what[count > 1 ? 1 : 0]} à ${mine} ${quoted(listing.title)}`.slice(0, 300),
      body: 'Voyez les suggestions et leurs raisons sur la page de votre annonce.',
      link,
      subjectId: listingId,
    });
  }
  return count;
}
