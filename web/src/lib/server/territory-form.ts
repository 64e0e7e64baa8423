// What the territory forms (creation, settings) send: the département with its région,
// and the commune at the centre as coordinates.
import { m } from '$lib/paraglide/messages.js';
import { findCommune } from '$lib/geo/communes';
import { departementByName } from '$lib/geo/departements';

export interface Place {
  departement: string | null;
  region: string | null;
  centerLat?: number;
  centerLon?: number;
}

/** The place from the form, or the message for the commune field when it is not in our list. */
export function readPlace(departement: string, commune: string): { place: Place; communeError?: string } {
  const dep = departementByName(departement.trim());
  const place: Place = { departement: dep?.name ?? null, region: dep?.region ?? null };
  if (!commune.trim()) return { place };
  const found = findCommune(commune);
  if (!found) return { place, communeError: m.create_commune_unknown() };
  return { place: { ...place, centerLat: found.lat, centerLon: found.lon } };
}
