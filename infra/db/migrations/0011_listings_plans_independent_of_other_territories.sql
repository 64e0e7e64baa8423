-- ============================================================================
-- A territory's listings must not cost more to read because other territories exist
-- (hand-written, drizzle-kit generate --custom). Found by `npm run bench`, tenant
-- scaling: the same territory of 10,000 listings among 10 and among 1,000 territories.
-- ============================================================================

-- 1. Full-text search. listings_search_idx held every territory's words: a search read
--    the matches of all territories and only then kept its own (`abricots`: 940,000
--    index entries for 46 rows among 10M listings, 390 ms; 2 ms among 100,000). A GIN
--    index led by territory_id (btree_gin) finds the territory's matches directly.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS listings_territory_search_idx
  ON public.listings USING gin (territory_id, app.listing_document(title, description));
--> statement-breakpoint
DROP INDEX IF EXISTS public.listings_search_idx;
--> statement-breakpoint
-- 2. Planner estimates. Every request reads one territory, and a category belongs to one
--    territory; but the planner assumed territory and category independent, so with
--    1,000 territories it expected about 1 listing per category where there are 1,400.
--    A visitor's page of open offers then started from the 7 categories and read all
--    10,000 listings of the territory (40 ms) instead of walking listings_newest_idx
--    until the page is full (3 ms). Counting distinct categories per territory, as every
--    query sees them, gives the right estimate whatever the number of territories.
ALTER TABLE public.listings ALTER COLUMN category_id SET (n_distinct = 10);
--> statement-breakpoint
ANALYZE public.listings;
