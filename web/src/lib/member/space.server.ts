// What every page of a territory's space needs from the API: the territory, its
// categories, and its places (the centre and the communes of its organisations), which
// give the « near » choices of the search and the coordinates of a listing's commune.
import { error, redirect } from '@sveltejs/kit';
import type { Api } from '$lib/server/api';
import { loadTerritory } from '$lib/server/territory';
import type { Territory } from '$lib/api/types';
import { m } from '$lib/paraglide/messages.js';
import { POSITION } from './filters';
import type { Category, Place } from './types';
import { loadUnread } from '$lib/conversations/conversations.server';


export async function loadCategories(api: Api, slug: string): Promise<Category[]> {
  const { data } = await api.GET('/api/v1/territories/{slug}/categories', { params: { path: { slug } } }).catch(() => ({ data: undefined }));
  return (data?.items ?? []).filter((c) => !c.archived).sort((a, b) => a.position - b.position);
}

/** Compare commune names without case, accents, hyphens or « Saint »/« St ». */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const point = (lat: number, lon: number) => `${lat.toFixed(4)},${lon.toFixed(4)}`;

export async function loadPlaces(api: Api, territory: Territory): Promise<Place[]> {
  const { data } = await api
    .GET('/api/v1/territories/{slug}/organisations', { params: { path: { slug: territory.slug }, query: { limit: 100 } } })
    .catch(() => ({ data: undefined }));
  const communes = new Map<string, { label: string; lats: number[]; lons: number[] }>();
  for (const o of data?.items ?? []) {
    if (!o.commune || o.lat === null || o.lon === null) continue;
    const key = placeKey(o.commune);
    const entry = communes.get(key) ?? { label: o.commune.trim(), lats: [], lons: [] };
    entry.lats.push(o.lat);
    entry.lons.push(o.lon);
    communes.set(key, entry);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const places: Place[] = [...communes.values()]
    .map((c) => {
      const lat = mean(c.lats);
      const lon = mean(c.lons);
      return { value: c.label, label: c.label, lat, lon, near: point(lat, lon) };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  if (territory.centerLat !== null && territory.centerLon !== null) {
    const { centerLat: lat, centerLon: lon } = territory;
    places.unshift({ value: 'centre', label: m.member_near_centre(), lat, lon, near: point(lat, lon) });
  }
  return places;
}

export function findPlace(places: Place[], name: string): Place | undefined {
  const key = placeKey(name);
  return key ? places.find((p) => p.value !== 'centre' && placeKey(p.value) === key) : undefined;
}

/** The point of `pres`: a place of the territory, or the person's own position. */
export function resolveNear(pres: string, places: Place[]): { near: string; label: string } | null {
  if (!pres) return null;
  const position = POSITION.exec(pres);
  // `label` goes inside a sentence: « depuis le centre du territoire », « depuis Tarbes ».
  if (position) {
    const [lat, lon] = [Number(position[1]), Number(position[2])];
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { near: point(lat, lon), label: m.member_near_you_phrase() } : null;
  }
  if (pres === 'centre') {
    const centre = places.find((p) => p.value === 'centre');
    return centre ? { near: centre.near, label: m.member_near_centre_phrase() } : null;
  }
  const place = findPlace(places, pres);
  return place ? { near: place.near, label: place.label } : null;
}

/** The listing, or the error page that says what happened. */
export function listingError(status: number): never {
  if (status === 404 || status === 400) error(404, 'Not Found');
  if (status === 401 || status === 403) error(403, 'Forbidden');
  error(503, 'Service Unavailable');
}

/** The territory of a space page, its categories and places. */
export async function loadSpace(api: Api, slug: string) {
  const territory = await loadTerritory(api, slug);
  const [categories, places, unreadConversations] = await Promise.all([
    loadCategories(api, slug),
    loadPlaces(api, territory),
    loadUnread(api, territory),
  ]);
  return { territory, categories, places, unreadConversations };
}

/** Pages for active members: others go where they can do something about it. */
export function requireActiveMember(territory: Territory): void {
  const membership = territory.myMembership;
  if (membership?.status === 'active') return;
  if (membership?.status === 'pending') redirect(303, `/t/${territory.slug}/en-attente`);
  if (membership?.status === 'suspended') error(403, { message: 'Forbidden', hint: m.member_suspended_hint() });
  redirect(303, `/t/${territory.slug}/rejoindre`);
}
