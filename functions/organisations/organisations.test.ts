import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSiret } from '../../schemas/api';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi, type TestUser } from '../../tests/support/harness';

describe('SIRET check', () => {
  it('checks the Luhn key, and La Poste by the sum of its digits', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('35600000000010')).toBe(true); // La Poste: digits sum to 15, Luhn fails
    expect(isValidSiret('35600000000011')).toBe(false);
    expect(isValidSiret('35600000000048')).toBe(true); // La Poste's head office follows Luhn
  });
});

describe.each(DATABASE_KINDS)('organisations on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
  });
  afterAll(() => api?.close());

  const base = (slug: string) => `/api/v1/territories/${slug}/organisations`;
  const create = (who: TestUser, slug: string, body: Record<string, unknown>) => api.call('POST', base(slug), { token: who.token, body });
  /** An open territory with its admin and one active member. */
  async function territory(extra: Record<string, unknown> = {}) {
    const admin = await api.signUp('Sophie Admin');
    const t = await api.createTerritory(admin, { membershipPolicy: 'open', ...extra });
    const member = await join(t.slug, 'Jeanne Confitures');
    return { t, admin, member };
  }
  async function join(slug: string, name?: string) {
    const user = await api.signUp(name);
    const res = await api.call('POST', `/api/v1/territories/${slug}/memberships`, { token: user.token, body: { acceptCharter: true } });
    return { ...user, membershipId: res.body.id as string };
  }
  const hospital = { kind: 'etablissement_sante', name: 'Hôpital de Lannemezan', siret: '732 829 320 00074', postcode: '65300', commune: 'Lannemezan', lat: 43.12, lon: 0.38, website: 'https://ch-lannemezan.example.fr' };

  it('lets active members register organisations, checked field by field', async () => {
    const { t, member } = await territory();
    const created = await create(member, t.slug, hospital);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Hôpital de Lannemezan', siret: '73282932000074', canEdit: true, description: '' });
    // The creator now represents it; a second organisation does not replace it.
    await create(member, t.slug, { kind: 'association', name: 'Les Amis du Verger' });
    const mine = await api.call('GET', `/api/v1/territories/${t.slug}/memberships/me`, { token: member.token });
    expect(mine.body.organisation).toEqual({ id: created.body.id, name: 'Hôpital de Lannemezan' });

    const invalid = await create(member, t.slug, { ...hospital, siret: '73282932000075' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].path).toBe('siret');
    expect((await create(member, t.slug, { kind: 'entreprise', name: 'La Poste Lannemezan', siret: '35600000000010' })).status).toBe(201);
    const twin = await create(member, t.slug, { kind: 'entreprise', name: 'Doublon', siret: '73282932000074' });
    expect(twin.status).toBe(409);
    expect(twin.body).toMatchObject({ code: 'organisation_exists', organisationId: created.body.id });
    for (const bad of [
      { siret: '1234' }, { postcode: '6530' }, { postcode: 'ABCDE' }, { website: 'ftp://example.fr' },
      { website: 'javascript:alert(1)' }, { kind: 'multinationale' }, { lat: 43.1, lon: undefined }, { lat: 91, lon: 0 },
      { name: ' ' }, { colour: 'vert' },
    ]) {
      const res = await create(member, t.slug, { kind: 'association', name: 'Test', ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const stranger = await api.signUp();
    expect((await create(stranger, t.slug, hospital)).body.code).toBe('members_only');
    expect((await api.call('POST', base(t.slug), { body: hospital })).status).toBe(401);
  });

  it('lists by name with kind and accent-insensitive search, page by page', async () => {
    const { t, member } = await territory();
    for (const name of ['Ferme des Coteaux', 'Hôpital de Lannemezan', 'Association Récup', 'Mairie de Capvern']) {
      const kind = name.startsWith('Ferme') ? 'exploitation_agricole' : name.startsWith('Hôpital') ? 'etablissement_sante' : 'autre';
      expect((await create(member, t.slug, { kind, name })).status).toBe(201);
    }
    const found = await api.call('GET', `${base(t.slug)}?q=hopital`, { token: member.token });
    expect(found.body.items.map((o: { name: string }) => o.name)).toEqual(['Hôpital de Lannemezan']);
    const farms = await api.call('GET', `${base(t.slug)}?kind=exploitation_agricole`, { token: member.token });
    expect(farms.body.items.map((o: { name: string }) => o.name)).toEqual(['Ferme des Coteaux']);
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: any } = await api.call('GET', `${base(t.slug)}?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: member.token });
      names.push(...page.body.items.map((o: { name: string }) => o.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Association Récup', 'Ferme des Coteaux', 'Hôpital de Lannemezan', 'Mairie de Capvern']);
    expect((await api.call('GET', `${base(t.slug)}?cursor=%%%`, { token: member.token })).status).toBe(400);
    expect((await api.call('GET', `${base(t.slug)}?kind=bogus`, { token: member.token })).status).toBe(400);
  });

  it('lets representatives, the creator, admins and facilitators edit, and nobody else', async () => {
    const { t, admin, member } = await territory();
    const org = (await create(member, t.slug, { kind: 'entreprise', name: 'Confitures des Coteaux' })).body;
    const colleague = await join(t.slug, 'Marc Collègue');
    const other = await join(t.slug);
    const edit = (who: TestUser, body: Record<string, unknown> = { description: `par ${who.name}` }) =>
      api.call('PATCH', `${base(t.slug)}/${org.id}`, { token: who.token, body });
    expect((await edit(member)).status).toBe(200);
    const denied = await edit(colleague);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('not_editable');
    expect((await api.call('GET', `${base(t.slug)}/${org.id}`, { token: colleague.token })).body.canEdit).toBe(false);
    // The colleague chooses to represent it: now they may edit it.
    const chose = await api.call('PATCH', `/api/v1/territories/${t.slug}/memberships/${colleague.membershipId}`, {
      token: colleague.token, body: { organisationId: org.id },
    });
    expect(chose.body.organisation).toEqual({ id: org.id, name: 'Confitures des Coteaux' });
    expect((await edit(colleague, { website: 'https://confitures.example.fr', postcode: '65130' })).body).toMatchObject({ website: 'https://confitures.example.fr', postcode: '65130' });
    expect((await edit(admin)).status).toBe(200);
    expect((await edit(other)).status).toBe(403);
    await api.call('PATCH', `/api/v1/territories/${t.slug}/memberships/${other.membershipId}`, { token: admin.token, body: { role: 'facilitator' } });
    expect((await edit(other)).status).toBe(200);
    expect((await edit(member, { siret: '123' })).status).toBe(400);
    expect((await edit(member, {})).status).toBe(400);
    const outsider = await api.signUp();
    expect((await edit(outsider)).status).toBe(404);
    expect((await api.call('PATCH', `${base(t.slug)}/${crypto.randomUUID()}`, { token: member.token, body: { name: 'Fantôme' } })).status).toBe(404);

    const members = await api.call('GET', `${base(t.slug)}/${org.id}/members`, { token: other.token });
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['Jeanne Confitures', 'Marc Collègue']);
    expect(members.body.items[0]).toEqual({ id: expect.any(String), userId: expect.any(String), name: expect.any(String), role: 'member' });
    expect(members.body.items.map((m: { id: string }) => m.id)).toContain(colleague.membershipId);
    await api.call('POST', `/api/v1/territories/${t.slug}/memberships/me/leave`, { token: colleague.token });
    const after = await api.call('GET', `${base(t.slug)}/${org.id}/members`, { token: other.token });
    expect(after.body.items.map((m: { name: string }) => m.name)).toEqual(['Jeanne Confitures']);
  });

  it('lets a member choose only an organisation of their territory, and only for themselves', async () => {
    const { t, member } = await territory();
    const elsewhere = await territory();
    const foreign = (await create(elsewhere.member, elsewhere.t.slug, { kind: 'association', name: 'Ailleurs' })).body;
    const local = (await create(member, t.slug, { kind: 'association', name: 'Ici' })).body;
    const patch = (who: TestUser, membershipId: string, organisationId: string | null) =>
      api.call('PATCH', `/api/v1/territories/${t.slug}/memberships/${membershipId}`, { token: who.token, body: { organisationId } });
    const wrong = await patch(member, member.membershipId, foreign.id);
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('organisation_not_found');
    expect((await patch(member, member.membershipId, null)).body.organisation).toBeNull();
    expect((await patch(member, member.membershipId, local.id)).body.organisation.id).toBe(local.id);
    const neighbour = await join(t.slug);
    expect((await patch(neighbour, member.membershipId, null)).body.code).toBe('own_membership_only');
  });

  it('shows visitors only the organisations behind public open listings', async () => {
    const { t, member } = await territory();
    const shown = (await create(member, t.slug, { kind: 'etablissement_sante', name: 'Hôpital (véhicules)' })).body;
    const quiet = (await create(member, t.slug, { kind: 'association', name: 'Association discrète' })).body;
    await api.db.owner.db.execute(sql`
      insert into listings (territory_id, id, kind, category_id, title, exchange_modes, author_membership_id, organisation_id, visibility)
      select c.territory_id, gen_random_uuid(), 'offer', c.id, 'Prêt de véhicules', '{pret}', ${member.membershipId}, ${shown.id}, 'public'
        from categories c where c.territory_id = ${t.id} limit 1`);
    const list = await api.call('GET', base(t.slug));
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([shown.id]);
    expect(list.body.items[0].canEdit).toBe(false);
    expect((await api.call('GET', `${base(t.slug)}/${shown.id}`)).status).toBe(200);
    expect((await api.call('GET', `${base(t.slug)}/${quiet.id}`)).status).toBe(404);
    // Who represents it stays among members.
    expect((await api.call('GET', `${base(t.slug)}/${shown.id}/members`)).body.items).toEqual([]);
    const hidden = await territory({ visibility: 'private' });
    expect((await api.call('GET', base(hidden.t.slug))).status).toBe(404);
  });

  it('keeps the organisations of one territory away from members of another', async () => {
    const a = await territory();
    const b = await territory();
    const orgB = (await create(b.member, b.t.slug, { kind: 'entreprise', name: 'Entreprise B' })).body;
    expect((await api.call('GET', base(b.t.slug), { token: a.admin.token })).body.items).toEqual([]);
    expect((await api.call('GET', `${base(b.t.slug)}/${orgB.id}`, { token: a.admin.token })).status).toBe(404);
    expect((await api.call('GET', `${base(a.t.slug)}/${orgB.id}`, { token: a.admin.token })).status).toBe(404);
    expect((await api.call('PATCH', `${base(a.t.slug)}/${orgB.id}`, { token: a.admin.token, body: { name: 'Volée' } })).status).toBe(404);
    expect((await api.call('PATCH', `${base(b.t.slug)}/${orgB.id}`, { token: a.admin.token, body: { name: 'Volée' } })).status).toBe(404);
    expect((await api.call('GET', `${base(b.t.slug)}/${orgB.id}/members`, { token: a.member.token })).status).toBe(404);
    expect((await create(a.member, b.t.slug, { kind: 'association', name: 'Intrus' })).status).toBe(403);
  });
});
