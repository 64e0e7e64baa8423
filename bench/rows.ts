// The rows of a bench data set, as SQL that builds them inside PostgreSQL (random()
// with a fixed seed per session): territories, categories, members, organisations, and
// the INSERT … SELECT generate_series of the listings.
import type postgres from 'postgres';
import { DEFAULT_CATEGORIES } from '../schemas/db/defaults';
import * as w from './words';

/** Active members per territory (1 admin, 2 facilitators) and organisations they represent. */
export const MEMBERS_PER_TERRITORY = 40;
export const ORGANISATIONS_PER_TERRITORY = 25;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** A text[] literal of our own constant words (never user input). */
const textArray = (items: readonly string[]) => `array[${items.map(quote).join(',')}]::text[]`;
/** array[...][1 + floor(r * n)] for a random r in [0, 1) given as SQL. */
const pick = (items: readonly string[], r: string) => `(${textArray(items)})[1 + floor(${r} * ${items.length})::int]`;

export async function generatePeople(db: postgres.Sql, T: number): Promise<void> {
  const M = MEMBERS_PER_TERRITORY;
  const O = ORGANISATIONS_PER_TERRITORY;
  const communes = w.COMMUNES.map(([name]) => name);
  // n → territory number, for the statements below (uuids are random, numbers are not).
  await db.unsafe(`create table bench.territory (n int primary key, id uuid not null unique)`);
  await db.unsafe(`insert into bench.territory select n, gen_random_uuid() from generate_series(1, ${T}) n`);
  await db.unsafe(`
    insert into territories (id, slug, name, description, departement, region, center_lat, center_lon,
                             membership_policy, visibility, charter)
    select t.id, 'bench-' || lpad(t.n::text, 4, '0'),
           'Réseau ' || (${textArray(communes)})[1 + (t.n - 1) % ${communes.length}] || ' n° ' || t.n,
           'Territoire généré pour les mesures de performance : offres et besoins entre acteurs locaux.',
           'Hautes-Pyrénées', 'Occitanie', 43.1 + random() * 0.3, random() * 0.4,
           'approval', 'public', 'Charte du territoire'
      from bench.territory t`);
  const categories = DEFAULT_CATEGORIES.map((c, i) => `(${i + 1}, ${quote(c.slug)}, ${quote(c.labelFr)}, ${quote(c.labelEn)})`);
  await db.unsafe(`
    insert into categories (territory_id, id, slug, label_fr, label_en, position)
    select t.id, gen_random_uuid(), c.slug, c.label_fr, c.label_en, c.position
      from bench.territory t, (values ${categories.join(',')}) as c(position, slug, label_fr, label_en)`);
  await db.unsafe(`create table bench.member (n int, m int, user_id uuid, membership_id uuid, primary key (n, m))`);
  await db.unsafe(`
    insert into bench.member select t.n, m, gen_random_uuid(), gen_random_uuid()
      from bench.territory t, generate_series(1, ${M}) m`);
  await db.unsafe(`
    insert into users (id, email, email_verified_at, password_hash, name)
    select b.user_id, 'membre-' || b.n || '-' || b.m || '@bench.soliterr.fr', now(),
           '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$no-login-through-this-hash',
           ${pick(w.FIRST_NAMES, 'random()')} || ' ' || ${pick(w.LAST_NAMES, 'random()')}
      from bench.member b`);
  await db.unsafe(`
    insert into memberships (territory_id, id, user_id, role, status, charter_accepted_at, decided_at)
    select t.id, b.membership_id, b.user_id,
           (case when b.m = 1 then 'admin' when b.m <= 3 then 'facilitator' else 'member' end)::membership_role,
           'active', now(), now()
      from bench.member b join bench.territory t using (n)`);
  const kinds = w.ORGANISATION_KINDS;
  await db.unsafe(`
    insert into organisations (territory_id, id, kind, name, commune, postcode, lat, lon, description, created_by)
    select t.id, gen_random_uuid(), (${textArray(kinds.map(([k]) => k))})[1 + (o - 1) % ${kinds.length}]::organisation_kind,
           (${textArray(kinds.map(([, p]) => p))})[1 + (o - 1) % ${kinds.length}] || ' '
             || (${textArray(communes)})[1 + (o + t.n) % ${communes.length}] || ' ' || o,
           (${textArray(communes)})[1 + (o + t.n) % ${communes.length}], '65000',
           43.0 + random() * 0.4, -0.1 + random() * 0.6, 'Structure du réseau.', b.membership_id
      from bench.territory t join bench.member b on b.n = t.n and b.m = 1, generate_series(1, ${O}) o`);
  // Each member represents organisation (m mod O): a few share one, as in real networks.
  await db.unsafe(`
    update memberships ms set organisation_id = o.id
      from bench.member b, bench.territory t,
           lateral (select id from organisations
                     where territory_id = t.id order by name offset (b.m - 1) % ${O} limit 1) o
     where ms.territory_id = t.id and ms.id = b.membership_id and b.n = t.n`);
  // Per territory: its categories in position order, its members and their organisations.
  await db.unsafe(`
    create table bench.pool as
    select t.n, t.id as territory_id,
           (select array_agg(c.id order by c.position) from categories c where c.territory_id = t.id) as categories,
           (select array_agg(m.id order by m.id) from memberships m where m.territory_id = t.id) as members,
           (select array_agg(m.organisation_id order by m.id) from memberships m where m.territory_id = t.id) as organisations
      from bench.territory t`);
}

/** The INSERT of the listings of territories first..last. */
export function listingsInsert(first: number, last: number, L: number): string {
  const slugs = Object.keys(w.ITEMS_BY_CATEGORY);
  const caseOf = (alias: string, fn: (slug: string) => string) =>
    `case ${alias}.c ${slugs.map((slug, i) => `when ${i + 1} then ${fn(slug)}`).join(' ')} end`;
  const communes = w.COMMUNES;
  const modes = ['don', 'pret', 'location', 'echange', 'vente', 'mutualisation', 'mecenat_competences'];
  return `
    insert into listings (territory_id, id, kind, category_id, title, description, quantity, unit, exchange_modes,
                          available_from, available_until, commune, lat, lon, status, visibility,
                          author_membership_id, organisation_id, version, created_at, updated_at)
    select s.territory_id, gen_random_uuid(), s.kind::listing_kind, s.categories[s.c],
           s.verb || ' ' || s.item || case when s.r1 < 0.5 then ' à ' || s.commune else ' ' || s.period end,
           case when s.kind = 'offer'
                then 'Nous avons ' || s.item || ' disponible ' || s.period || ', par exemple pour ' || s.purpose || '. '
                else 'Pour ' || s.purpose || ', nous cherchons ' || s.item || ' ' || s.period || ', du côté de ' || s.commune || '. ' end
             || s.condition,
           case when s.r2 < 0.5 then round((1 + s.r3 * 499)::numeric, 0) end,
           case when s.r2 < 0.5 then ${caseOf('s', (slug) => pick(w.UNITS_BY_CATEGORY[slug], 's.r4'))} end,
           (case when s.r5 < 0.6 then array[s.mode1] else array[s.mode1, s.mode2] end)::exchange_mode[],
           case when s.r6 < 0.6 then (s.created_at + interval '3 days')::date end,
           case when s.r6 < 0.6 then (s.created_at + (30 + s.r7 * 300) * interval '1 day')::date end,
           s.commune, s.lat + (s.r8 - 0.5) * 0.06, s.lon + (s.r9 - 0.5) * 0.08,
           (case when s.r10 < 0.70 then 'open' when s.r10 < 0.80 then 'in_progress' when s.r10 < 0.93 then 'fulfilled'
                 when s.r10 < 0.98 then 'closed' else 'expired' end)::listing_status,
           (case when s.r11 < 0.6 then 'public' else 'members' end)::listing_visibility,
           s.members[s.a], case when s.r12 < 0.9 then s.organisations[s.a] end,
           1 + floor(s.r13 * 3)::int, s.created_at, s.created_at + s.r14 * interval '10 days'
      from (
        select p.territory_id, p.categories, p.members, p.organisations, x.*,
               ${caseOf('x', (slug) => pick(w.ITEMS_BY_CATEGORY[slug], 'x.r15'))} as item,
               case when x.kind = 'offer' then ${pick(w.OFFER_VERBS, 'x.r16')} else ${pick(w.NEED_VERBS, 'x.r16')} end as verb,
               ${pick(w.PERIODS, 'x.r17')} as period, ${pick(w.PURPOSES, 'x.r18')} as purpose,
               ${pick(w.CONDITIONS, 'x.r19')} as condition,
               (${textArray(communes.map(([n]) => n))})[x.ci] as commune,
               (array[${communes.map(([, lat]) => lat).join(',')}]::float8[])[x.ci] as lat,
               (array[${communes.map(([, , lon]) => lon).join(',')}]::float8[])[x.ci] as lon,
               (${textArray(modes)})[1 + floor(x.r20 * ${modes.length})::int] as mode1,
               (${textArray(modes)})[1 + floor(x.r21 * ${modes.length})::int] as mode2
          from bench.pool p,
               lateral (select p.n as tn, g, 1 + floor(random() * 7)::int as c, 1 + floor(random() * ${MEMBERS_PER_TERRITORY})::int as a,
                               1 + floor(random() * ${communes.length})::int as ci,
                               case when random() < 0.6 then 'offer' else 'need' end as kind,
                               now() - random() * interval '730 days' as created_at,
                               random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                               random() r8, random() r9, random() r10, random() r11, random() r12, random() r13,
                               random() r14, random() r15, random() r16, random() r17, random() r18, random() r19,
                               random() r20, random() r21
                          from generate_series(1, ${L}) g) x
         where p.n between ${first} and ${last}
      ) s`;
}

