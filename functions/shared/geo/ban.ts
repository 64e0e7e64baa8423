// The national address base (Base Adresse Nationale, api-adresse.data.gouv.fr): a public
// service of the French state, no key (docs/decisions/NNN-commune-geocoder-ban.md). Only
// the typed commune name is sent. Its answer is checked like any input: a third party
// is never trusted, and anything unexpected counts as "unavailable".
import { z } from 'zod';

export interface CommuneHit {
  name: string;
  postcode: string | null;
  inseeCode: string | null;
  departement: string;
  lat: number;
  lon: number;
}

const Feature = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number()),
  }),
  properties: z.object({
    type: z.string(),
    name: z.string().min(1).max(100),
    postcode: z.string().regex(/^\d{5}$/).optional(),
    citycode: z.string().regex(/^(\d{5}|2[AB]\d{3})$/).optional(),
    context: z.string().max(200),
  }),
});
const Answer = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).max(50) });

export class GeocoderUnavailable extends Error {}

/** The département code at the start of BAN's context ("65, Hautes-Pyrénées, Occitanie"). */
const departementOf = (context: string) => /^(\d{2,3}|2[AB])\s*,/.exec(context)?.[1];

/**
 * Communes named like `q` according to BAN. Throws GeocoderUnavailable when BAN does not
 * answer in time or answers something else than its documented format.
 */
export async function searchBan(baseUrl: string, q: string, timeoutMs: number, limit = 5): Promise<CommuneHit[]> {
  const url = new URL('/search/', baseUrl);
  url.search = new URLSearchParams({ q, type: 'municipality', limit: String(limit), autocomplete: '1' }).toString();
  let body: unknown;
  try {
    const res = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': 'SoliTERR (https://github.com/soliterr)' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!res.ok) throw new GeocoderUnavailable(`BAN answered ${res.status}`);
    const text = await res.text();
    if (text.length > 200_000) throw new GeocoderUnavailable('BAN answer too large');
    body = JSON.parse(text);
  } catch (error) {
    if (error instanceof GeocoderUnavailable) throw error;
    throw new GeocoderUnavailable(`BAN unreachable: ${(error as Error).name}`);
  }
  const answer = Answer.safeParse(body);
  if (!answer.success) throw new GeocoderUnavailable('BAN answer not a FeatureCollection');
  const hits: CommuneHit[] = [];
  for (const raw of answer.data.features) {
    const f = Feature.safeParse(raw);
    // Only communes, only in France (a département code at the start of the context).
    if (!f.success || f.data.properties.type !== 'municipality') continue;
    const dep = departementOf(f.data.properties.context);
    if (!dep) continue;
    const [lon, lat] = f.data.geometry.coordinates;
    hits.push({
      name: f.data.properties.name,
      postcode: f.data.properties.postcode ?? null,
      inseeCode: f.data.properties.citycode ?? null,
      departement: dep,
      lat,
      lon,
    });
  }
  return hits.slice(0, limit);
}
