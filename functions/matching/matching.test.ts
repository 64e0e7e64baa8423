// Suggestions and their reasons, strong-match notifications on publication, unmatched
// needs: one Hautes-Pyrénées network (functions/listings fixtures), both databases.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, notifications } from '../../schemas/db';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { createNetwork, type Network, PLACES, post } from '../listings/listings.fixtures';
import { score, STRONG_MATCH_SCORE } from '../shared/matching';

describe.each(DATABASE_KINDS)('matching on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  let url: (listingId: string, query?: string) => string;
  const l: Record<string, { id: string }> = {};
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api);
    url = (id, query = '') => `${net.base}/${id}/suggestions${query}`;
    // Offers first, then the need: publishing the need finds them.
    l.fleet = await post(api, net, net.hospital, 'fleet');
    l.transport = await post(api, net, net.joinery, 'fleet', {
      categoryId: net.categories.services, title: 'Livraison de palettes en camionnette', description: 'Tournée du jeudi.',
      exchangeModes: ['location'], ...PLACES.tarbes,
    });
    l.closedVan = await post(api, net, net.hospital, 'fleet', { title: 'Fourgon réformé' });
    await api.call('POST', `${net.base}/${l.closedVan.id}/close`, { token: net.hospital.user.token });
    l.ownVan = await post(api, net, net.jams, 'fleet', { title: 'Notre fourgon de livraison' });
    l.tooLate = await post(api, net, net.joinery, 'fleet', { title: 'Fourgon en prêt cet hiver', availableFrom: '2027-01-01', availableUntil: '2027-03-01' });
    l.need = await post(api, net, net.jams, 'fleet', {
      kind: 'need', title: 'Cherche un fourgon le week-end pour livrer nos confitures',
      description: 'Livraisons aux marchés de producteurs, en prêt ou en mutualisation.', exchangeModes: ['pret'],
      availableFrom: '2027-06-01', availableUntil: '2027-09-30', ...PLACES.bagneres, visibility: 'members',
    });
    l.lonely = await post(api, net, net.jams, 'sterilisation');
    l.answered = await post(api, net, net.jams, 'fruit', { title: 'Cherche une étiqueteuse', description: '' });
    await api.db.owner.db.insert(conversations).values({
      territoryId: net.territory.id, id: crypto.randomUUID(), listingId: l.answered.id,
      authorMembershipId: net.jams.membershipId, responderMembershipId: net.joinery.membershipId,
    });
  });
  afterAll(() => api?.close());

  it('suggests open offers of others for a need, best first, each with its reasons and signals', async () => {
    const res = await api.call('GET', url(l.need.id), { token: net.jams.user.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ listingId: l.need.id, strongMatchScore: STRONG_MATCH_SCORE, explanation: '/comment-nous-suggerons' });
    const ids = res.body.items.map((s: { listing: { id: string } }) => s.listing.id);
    expect(ids).toEqual([l.fleet.id, l.transport.id]);
    const [fleet, transport] = res.body.items;
    expect(fleet.strength).toBe('strong');
    expect(fleet.reasons).toEqual(expect.arrayContaining(['même catégorie', 'disponible aux mêmes dates', "même mode d'échange : prêt"]));
    expect(fleet.reasons.find((r: string) => r.startsWith('mots communs'))).toMatch(/fourgons?.*week-end|week-end.*fourgons?/);
    expect(fleet.signals).toMatchObject({ category: 'same', datesOverlap: true, commonExchangeModes: ['pret'] });
    expect(fleet.signals.distanceKm).toBeGreaterThan(15);
    expect(fleet.signals.distanceKm).toBeLessThan(25);
    expect(transport.reasons[0]).toBe('catégorie voisine : Services');
    expect(transport.signals.commonExchangeModes).toEqual([]);
    for (const s of res.body.items) expect(s.score).toBe(score({ ...s.signals, categoryLabel: '' }));
    expect(fleet.score).toBeGreaterThan(transport.score);
    expect(fleet.listing).toMatchObject({ kind: 'offer', organisationName: 'Centre hospitalier de Lannemezan', category: { slug: 'vehicules-mobilite' } });
    expect(fleet.listing.authorMembershipId).toBeUndefined();
    // The other way round: the fleet offer is suggested the need, for anyone in the territory.
    const back = await api.call('GET', url(l.fleet.id, '?limit=1'), { token: net.facilitator.user.token });
    expect(back.body.items.map((s: { listing: { id: string } }) => s.listing.id)).toEqual([l.need.id]);
  });

  it('is for active members only, within limits, and never reaches another territory', async () => {
    expect((await api.call('GET', url(l.need.id))).status).toBe(401);
    for (const who of [net.pending, net.outsider]) {
      const res = await api.call('GET', url(l.fleet.id), { token: who.token });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('members_only');
      expect((await api.call('GET', url(l.need.id), { token: who.token })).status).toBe(404);
    }
    expect((await api.call('GET', url(l.need.id, '?limit=21'), { token: net.jams.user.token })).status).toBe(400);
    expect((await api.call('GET', url(crypto.randomUUID()), { token: net.jams.user.token })).status).toBe(404);
    // Another territory with the very same offer: never suggested, and its listing not reachable.
    const other = await api.createTerritory(net.admin.user, { name: 'Pays des Nestes' });
    const cats = await api.call('GET', `/api/v1/territories/${other.slug}/categories`, { token: net.admin.user.token });
    const van = cats.body.items.find((c: { slug: string }) => c.slug === 'vehicules-mobilite').id;
    const theirs = await api.call('POST', `/api/v1/territories/${other.slug}/listings`, {
      token: net.admin.user.token,
      body: { kind: 'offer', categoryId: van, title: 'Fourgon à prêter le week-end', exchangeModes: ['pret'], ...PLACES.bagneres },
    });
    expect(theirs.status).toBe(201);
    const res = await api.call('GET', url(l.need.id, '?limit=20'), { token: net.jams.user.token });
    expect(res.body.items.map((s: { listing: { id: string } }) => s.listing.id)).not.toContain(theirs.body.id);
    expect((await api.call('GET', url(theirs.body.id), { token: net.jams.user.token })).status).toBe(404);
    expect((await api.call('GET', `/api/v1/territories/${other.slug}/listings/${l.need.id}/suggestions`, { token: net.admin.user.token })).status).toBe(404);
  });

  it('notifies the authors of strong matches, and the new listing’s author once with the count', async () => {
    const rows = await api.db.owner.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.territoryId, net.territory.id), eq(notifications.subjectId, l.need.id)));
    const forHospital = rows.filter((n) => n.userId === net.hospital.user.id);
    expect(forHospital).toHaveLength(1);
    expect(forHospital[0]).toMatchObject({ kind: 'match', link: `/t/${net.territory.slug}/annonces/${l.need.id}` });
    expect(forHospital[0]!.title).toContain('pourrait répondre au besoin « Cherche un fourgon le week-end');
    expect(forHospital[0]!.body).toContain('même catégorie');
    const forAuthor = rows.filter((n) => n.userId === net.jams.user.id);
    expect(forAuthor.map((n) => n.title)).toEqual(['1 offre correspond à votre besoin « Cherche un fourgon le week-end pour livrer nos confitures »']);
    // The joinery's offer was only « proche »: its author hears nothing.
    expect(rows.filter((n) => n.userId === net.joinery.user.id)).toEqual([]);
  });

  it('shows facilitators the open needs nobody answered and nothing matches, oldest first', async () => {
    const res = await api.call('GET', `/api/v1/territories/${net.territory.slug}/unmatched-needs`, { token: net.facilitator.user.token });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((n: { listing: { id: string } }) => n.listing.id);
    expect(ids).toContain(l.lonely.id);
    expect(ids).not.toContain(l.need.id); // a strong match exists
    expect(ids).not.toContain(l.answered.id); // someone answered
    const lonely = res.body.items.find((n: { listing: { id: string } }) => n.listing.id === l.lonely.id);
    expect(lonely).toMatchObject({ ageDays: 0, listing: { authorName: 'Paul Confiturier', organisationName: 'Confitures du Pic' } });
    expect(lonely.bestScore === null || lonely.bestScore < STRONG_MATCH_SCORE).toBe(true);
    const admin = await api.call('GET', `/api/v1/territories/${net.territory.slug}/unmatched-needs?limit=1`, { token: net.admin.user.token });
    expect(admin.body.items).toHaveLength(1);
    const member = await api.call('GET', `/api/v1/territories/${net.territory.slug}/unmatched-needs`, { token: net.jams.user.token });
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('facilitators_only');
    expect((await api.call('GET', `/api/v1/territories/${net.territory.slug}/unmatched-needs`)).status).toBe(401);
  });
});
