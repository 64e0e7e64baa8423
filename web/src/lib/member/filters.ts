// The filters of « Offres et besoins » as they live in the page's address (French words,
// shareable, a plain GET form without JavaScript) and as the API's query takes them.
import type { operations } from '$lib/api/schema';
import type { ExchangeMode } from './labels';

export type ApiListingsQuery = NonNullable<operations['listListings']['parameters']['query']>;

/** Address word → the API's sort: the only orders there are, all explicit (PRODUCT.md). */
export const SORTS = { recentes: 'newest', proches: 'nearest', 'fin-proche': 'ending_soon' } as const;
export type SortWord = keyof typeof SORTS;

/** Address word → the API's statuses. */
export const STATUSES = { 'en-cours': 'open,in_progress', terminees: 'fulfilled,closed,expired', toutes: 'all' } as const;
export type StatusWord = keyof typeof STATUSES;

export const TYPES = { offres: 'offer', besoins: 'need' } as const;
export type TypeWord = keyof typeof TYPES | '';

export const RADII = [5, 10, 20, 50, 100, 200] as const;
export const DEFAULT_RADIUS = 20;

export const EXCHANGE_MODES = ['don', 'pret', 'location', 'echange', 'vente', 'mutualisation', 'mecenat_competences'] as const satisfies readonly ExchangeMode[];

export interface Filters {
  q: string;
  type: TypeWord;
  categorie: string;
  modes: ExchangeMode[];
  statut: StatusWord;
  /** '' (anywhere), 'centre', a commune of the territory, or 'lat,lon' (the person's position). */
  pres: string;
  rayon: number;
  tri: SortWord;
}

export const DEFAULT_FILTERS: Filters = { q: '', type: '', categorie: '', modes: [], statut: 'en-cours', pres: '', rayon: DEFAULT_RADIUS, tri: 'recentes' };

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(o, k);

/** Whatever the address says, a valid set of filters (unknown values fall back to defaults). */
export function readFilters(params: URLSearchParams): Filters {
  const type = params.get('type') ?? '';
  const statut = params.get('statut') ?? '';
  const tri = params.get('tri') ?? '';
  const rayon = Number(params.get('rayon'));
  const modes = params.getAll('mode').filter((m): m is ExchangeMode => (EXCHANGE_MODES as readonly string[]).includes(m));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    type: has(TYPES, type) ? type : '',
    categorie: /^[a-z0-9-]{1,60}$/.test(params.get('categorie') ?? '') ? (params.get('categorie') as string) : '',
    modes: [...new Set(modes)],
    statut: has(STATUSES, statut) ? statut : 'en-cours',
    pres: (params.get('pres') ?? '').trim().slice(0, 120),
    rayon: (RADII as readonly number[]).includes(rayon) ? rayon : DEFAULT_RADIUS,
    tri: has(SORTS, tri) ? tri : 'recentes',
  };
}

/** The address of a set of filters, defaults left out (so it stays short and readable). */
export function filtersSearch(f: Filters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.type) p.set('type', f.type);
  if (f.categorie) p.set('categorie', f.categorie);
  for (const mode of f.modes) p.append('mode', mode);
  if (f.statut !== 'en-cours') p.set('statut', f.statut);
  if (f.pres) {
    p.set('pres', f.pres);
    p.set('rayon', String(f.rayon));
  }
  if (f.tri !== 'recentes') p.set('tri', f.tri);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Filters beyond the text and the kind: they open the « more filters » panel on small screens. */
export function refinementCount(f: Filters): number {
  return [f.categorie, f.modes.length > 0, f.statut !== 'en-cours', f.pres].filter(Boolean).length;
}

export const POSITION = /^(-?\d{1,2}(?:\.\d{1,6})?),(-?\d{1,3}(?:\.\d{1,6})?)$/;

/** The API's query for these filters, once `pres` is resolved to a point (or not). */
export function apiQuery(f: Filters, near: string | null, cursor?: string): ApiListingsQuery {
  const sort = SORTS[f.tri];
  return {
    q: f.q || undefined,
    kind: f.type ? TYPES[f.type] : undefined,
    category: f.categorie || undefined,
    exchangeMode: f.modes.length ? f.modes.join(',') : undefined,
    status: STATUSES[f.statut],
    near: near ?? undefined,
    radiusKm: near ? f.rayon : undefined,
    sort: sort === 'nearest' && !near ? 'newest' : sort,
    limit: 20,
    cursor,
  };
}
