// Suggestions for one listing, in ONE statement: candidates found through the indexes
// by app.matching_candidate_ids (migration 0017: opposite kind, open, a same or
// neighbouring category or a word of the title), read by id under row-level security,
// minus the author's and their structure's and periods that do not overlap; ranked on
// every signal but words, the best CANDIDATES_EXAMINED have their shared words counted,
// and the final order is score, then newest, then id.
import { type SQL, sql } from 'drizzle-orm';
import type { TerritoryScope } from '../db/tenant';
import { rowsOf } from '../db/client';
import { type MatchSignals, type MatchStrength, reasons, strength } from './reasons';
import { CANDIDATES_EXAMINED, type ExchangeMode, MIN_WORD_LENGTH, RELATED_CATEGORIES, WEIGHTS } from './weights';

const EARTH_RADIUS_KM = 6371.0088;
/** Letters of French words (both cases): what separates words to show the shared ones. */
const NOT_A_LETTER = "[^a-zA-ZàâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ-]+";

export interface Suggestion {
  listing: {
    id: string;
    kind: 'offer' | 'need';
    title: string;
    commune: string | null;
    category: { id: string; slug: string; labelFr: string; labelEn: string };
    organisationName: string | null;
    createdAt: string;
    authorMembershipId: string;
  };
  score: number;
  strength: MatchStrength;
  reasons: string[];
  signals: MatchSignals;
}

interface Row {
  id: string;
  kind: 'offer' | 'need';
  title: string;
  commune: string | null;
  category_id: string;
  category_slug: string;
  label_fr: string;
  label_en: string;
  organisation_name: string | null;
  created_at: string;
  author_membership_id: string;
  category: 'same' | 'related' | null;
  distance_km: number | null;
  dates_overlap: boolean;
  common_modes: ExchangeMode[] | string;
  stem_count: number;
  shown_words: string[] | string | null;
  score: number;
}

/** The pairs of neighbouring categories as a SQL values list. */
const relatedPairs = sql.raw(RELATED_CATEGORIES.map(([a, b]) => `('${a}','${b}'),('${b}','${a}')`).join(','));

/** Constants are written into the statement (they are ours, never input): stable plans. */
const n = (value: number) => sql.raw(String(value));

const distancePoints = (km: SQL) =>
  sql`case ${sql.join(WEIGHTS.distance.map((s) => sql`when ${km} <= ${n(s.withinKm)} then ${n(s.points)}`), sql` `)} else 0 end`;

/** The score of query.ts's columns, the same sum as reasons.ts score(). */
function points(words: SQL) {
  return sql`(case p.category when 'same' then ${n(WEIGHTS.sameCategory)} when 'related' then ${n(WEIGHTS.relatedCategory)} else 0 end
    + least(${n(WEIGHTS.sharedWordsMax)}, ${n(WEIGHTS.perSharedWord)} * ${words})
    + coalesce(${distancePoints(sql`p.distance_km`)}, 0)
    + case when p.dates_overlap then ${n(WEIGHTS.datesOverlap)} else 0 end
    + case when p.mode_shared then ${n(WEIGHTS.commonExchangeMode)} else 0 end)`;
}

function parseArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((v) => v.replace(/^"|"$/g, '')) : [];
}

export async function suggestionsFor(scope: TerritoryScope, listingId: string, limit: number): Promise<Suggestion[]> {
  return rowsOf<Row>(await scope.tx.execute(suggestionsSql(scope.territoryId, listingId, limit))).map(toSuggestion);
}

/** The statement itself (bench/matching.ts explains it). */
export function suggestionsSql(t: string, listingId: string, limit: number): SQL {
  return sql`
    with src as (
      select l.id, l.kind, l.category_id, c.slug as category_slug, l.lat, l.lon, l.available_from, l.available_until,
             l.exchange_modes, l.author_membership_id, l.organisation_id,
             array(select r.b from (values ${relatedPairs}) as r(a, b) where r.a = c.slug) as related,
             array(select k.id from categories k
                    where k.territory_id = l.territory_id
                      and (k.id = l.category_id or k.slug in (select r.b from (values ${relatedPairs}) as r(a, b) where r.a = c.slug)))
               as category_ids,
             (case when l.kind = 'offer' then 'need' else 'offer' end)::listing_kind as wanted,
             array(select w from unnest(tsvector_to_array(app.listing_document(l.title, l.description))) w
                    where length(w) >= ${n(MIN_WORD_LENGTH)}) as words,
             array(select w from unnest(tsvector_to_array(to_tsvector('french'::regconfig, app.fold(l.title)))) w
                    where length(w) >= ${n(MIN_WORD_LENGTH)}) as title_words
        from listings l join categories c on c.territory_id = l.territory_id and c.id = l.category_id
       where l.territory_id = ${t} and l.id = ${listingId}
    ),
    candidates as materialized (
      select array(select app.matching_candidate_ids(s.wanted, s.category_ids, s.title_words)) as ids from src s
    ),
    pool as (
      select x.id, x.created_at, x.title, x.description,
             case when x.category_id = s.category_id then 'same'
                  when c.slug = any(s.related) then 'related' end as category,
             case when x.lat is not null and x.lon is not null and s.lat is not null and s.lon is not null then
               ${n(2 * EARTH_RADIUS_KM)} * asin(least(1, sqrt(power(sin(radians(x.lat - s.lat) / 2), 2)
                 + cos(radians(s.lat)) * cos(radians(x.lat)) * power(sin(radians(x.lon - s.lon) / 2), 2)))) end as distance_km,
             (coalesce(x.available_from, s.available_from, x.available_until, s.available_until) is not null) as dates_overlap,
             (x.exchange_modes && s.exchange_modes) as mode_shared, x.exchange_modes as modes, s.exchange_modes as source_modes
        from src s
        join listings x on x.territory_id = ${t} and x.id = any((select k.ids from candidates k)::uuid[]) and x.kind <> s.kind and x.status = 'open'
                       and x.author_membership_id <> s.author_membership_id
                       and (s.organisation_id is null or x.organisation_id is null or x.organisation_id <> s.organisation_id)
        join categories c on c.territory_id = x.territory_id and c.id = x.category_id
       where coalesce(x.available_from, '-infinity'::date) <= coalesce(s.available_until, 'infinity'::date)
         and coalesce(s.available_from, '-infinity'::date) <= coalesce(x.available_until, 'infinity'::date)
    ),
    bounded as (
      select p.*, ${points(sql`0`)} as bound
        from pool p
       order by bound desc, p.created_at desc, p.id desc
       limit ${n(CANDIDATES_EXAMINED)}
    ),
    examined as materialized (
      select p.*, array(select unnest(tsvector_to_array(app.listing_document(p.title, p.description)))
                        intersect select unnest(s.words)) as stems
        from bounded p, src s
    ),
    scored as (
      select p.*, cardinality(p.stems) as stem_count, ${points(sql`cardinality(p.stems)`)} as score
        from examined p where p.category is not null or cardinality(p.stems) > 0
       order by score desc, p.created_at desc, p.id desc
       limit ${limit}
    )
    select p.id, x.kind, x.title, x.commune, c.id as category_id, c.slug as category_slug, c.label_fr, c.label_en,
           o.name as organisation_name, to_char(x.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
           x.author_membership_id, p.category, p.distance_km, p.dates_overlap, p.stem_count, p.score,
           array(select unnest(p.modes) intersect select unnest(p.source_modes)) as common_modes,
           array(select w from (
                   select distinct on (stem) w, n from (
                     select w, n, unnest(tsvector_to_array(to_tsvector('french'::regconfig, app.fold(w)))) as stem
                       from regexp_split_to_table(x.title || ' ' || left(x.description, 600), ${NOT_A_LETTER}) with ordinality as t(w, n)
                      where length(w) >= ${n(MIN_WORD_LENGTH)}) words
                    where stem = any(p.stems) order by stem, n) firsts
                  order by n limit 5) as shown_words
      from scored p
      join listings x on x.territory_id = ${t} and x.id = p.id
      join categories c on c.territory_id = x.territory_id and c.id = x.category_id
      left join organisations o on o.territory_id = x.territory_id and o.id = x.organisation_id
     order by p.score desc, x.created_at desc, x.id desc`;
}

function toSuggestion(row: Row): Suggestion {
  const words = [...new Set(parseArray(row.shown_words).map((w) => w.toLocaleLowerCase('fr-FR')))];
  const signals: MatchSignals = {
    category: row.category,
    categoryLabel: row.label_fr,
    sharedWords: words,
    sharedWordCount: Number(row.stem_count),
    distanceKm: row.distance_km === null ? null : Math.round(Number(row.distance_km) * 10) / 10,
    datesOverlap: row.dates_overlap,
    commonExchangeModes: parseArray(row.common_modes) as ExchangeMode[],
  };
  return {
    listing: {
      id: row.id,
      kind: row.kind,
      title: row.title,
      commune: row.commune,
      category: { id: row.category_id, slug: row.category_slug, labelFr: row.label_fr, labelEn: row.label_en },
      organisationName: row.organisation_name,
      createdAt: new Date(row.created_at).toISOString(),
      authorMembershipId: row.author_membership_id,
    },
    score: Number(row.score),
    strength: strength(Number(row.score)),
    reasons: reasons(signals),
    signals,
  };
}
