// One small world for the map suites: a public territory with a hospital (placed), a
// person registered as a `particulier` (placed exactly, which outsiders must never see),
// their listings in every case the map distinguishes, and a private territory. Two
// sign-ups only (argon2 is slow). Test-only (not imported by index.ts).
import { and, eq } from 'drizzle-orm';
import { organisations } from '../../schemas/db';
import type { TestApi, TestUser } from '../../tests/support/harness';
import { addMember, addOrganisation, represent } from '../../tests/support/members';

export const HOSPITAL_PLACE = { lat: 43.125, lon: 0.3833 };
/** A person's home: no outsider may learn these digits. */
export const HOME = { lat: 43.23456, lon: 0.07891 };

export interface MapWorld {
  slug: string;
  privateSlug: string;
  admin: TestUser;
  person: TestUser;
  listings: Record<'fleet' | 'fallback' | 'membersOnly' | 'personal' | 'unplaced' | 'closed', string>;
}

async function place(api: TestApi, territoryId: string, id: string, at: { lat: number; lon: number }) {
  await api.db.owner.db.update(organisations).set(at).where(and(eq(organisations.territoryId, territoryId), eq(organisations.id, id)));
}

export async function createMapWorld(api: TestApi): Promise<MapWorld> {
  const admin = await api.signUp('Claire Dulac');
  const t = await api.createTerritory(admin, { name: 'Cœur de Bigorre', visibility: 'public' });
  const hospital = await addOrganisation(api, t.id, t.myMembership.id, { kind: 'etablissement_sante', name: 'Centre hospitalier de Lannemezan', commune: 'Lannemezan' });
  await place(api, t.id, hospital, HOSPITAL_PLACE);
  await represent(api, t.id, t.myMembership.id, hospital);
  const person = await api.signUp('Jeanne Particulière');
  const personMembership = await addMember(api, t.id, person);
  const home = await addOrganisation(api, t.id, personMembership, { kind: 'particulier', name: 'Jeanne Particulière', commune: 'Tarbes' });
  await place(api, t.id, home, HOME);
  await represent(api, t.id, personMembership, home);

  const cats = await api.call('GET', `/api/v1/territories/${t.slug}/categories`, { token: admin.token });
  const category = (slug: string) => cats.body.items.find((c: { slug: string }) => c.slug === slug).id;
  const post = async (who: TestUser, body: Record<string, unknown>) => {
    const res = await api.call('POST', `/api/v1/territories/${t.slug}/listings`, {
      token: who.token,
      body: { kind: 'offer', categoryId: category('vehicules-mobilite'), exchangeModes: ['pret'], visibility: 'public', ...body },
    });
    if (res.status !== 201) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const listings = {
    fleet: await post(admin, { title: 'Prêt de véhicules du parc hospitalier', exchangeModes: ['pret', 'mutualisation'], commune: 'Lannemezan', lat: 43.13, lon: 0.39 }),
    fallback: await post(admin, { kind: 'need', categoryId: category('materiel'), title: 'Besoin de lits médicalisés', exchangeModes: ['don'] }),
    membersOnly: await post(admin, { title: 'Salle de réunion entre membres', visibility: 'members', lat: 43.12, lon: 0.38 }),
    personal: await post(person, { title: 'Remorque à prêter le week-end', commune: 'Tarbes', ...HOME }),
    unplaced: await post(admin, { kind: 'need', title: 'Cherche un vélo cargo', organisationId: null }),
    closed: await post(admin, { title: 'Fourgon déjà prêté', lat: 43.11, lon: 0.37 }),
  };
  await api.call('POST', `/api/v1/territories/${t.slug}/listings/${listings.closed}/close`, { token: admin.token });
  const hidden = await api.createTerritory(admin, { name: 'Réseau privé', visibility: 'private' });
  return { slug: t.slug, privateSlug: hidden.slug, admin, person, listings };
}
