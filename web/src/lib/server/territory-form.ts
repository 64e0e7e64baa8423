// What the territory forms (creation, settings) send: the département with its région,
// and the commune at the centre as coordinates. The commune is resolved by the API
// (GET /api/v1/communes: the built-in list, then the national address base), so the
// form works the same with or without JavaScript.
import { m } from '$lib/paraglide/messages.js';
import { foldCommune, splitTyped } from '$lib/geo/communes';
import { departementByName } from '$lib/geo/departements';
import type { Api } from './api';

export interface Place {
  departement: string | null;
  region: string | null;
  centerLat?: number;
  centerLon?: number;
}

const label = (c: { name: string; departement: string }) => `${c.name} (${c.departement})`;

/** The place from the form, or the message for the commune field when it cannot be placed. */
export async function readPlace(api: Api, departement: string, commune: string): Promise<{ place: Place; communeError?: string }> {
  const dep = departementByName(departement.trim());
  const place: Place = { departement: dep?.name ?? null, region: dep?.region ?? null };
  const typed = commune.trim();
  if (!typed) return { place };
  if (typed.length < 2) return { place, communeError: m.geo_commune_too_short() };
  const { data, response } = await api.GET('/api/v1/communes', { params: { query: { q: typed.slice(0, 100) } } });
  if (!data) {
    return { place, communeError: response.status === 400 ? m.geo_commune_too_short() : m.geo_commune_unavailable() };
  }
  const wanted = splitTyped(typed);
  const exact = data.items.filter(
    (c) => foldCommune(c.name) === foldCommune(wanted.name) && (!wanted.dep || c.departement === wanted.dep),
  );
  if (exact.length === 1) return { place: { ...place, centerLat: exact[0].lat, centerLon: exact[0].lon } };
  if (exact.length > 1) return { place, communeError: m.geo_commune_several({ list: exact.map(label).join(', ') }) };
  if (data.items.length > 0) return { place, communeError: m.geo_commune_maybe({ list: data.items.map(label).join(', ') }) };
  return { place, communeError: m.geo_commune_unknown() };
}
