// The rules of transparent matching, as numbers. docs/matching.md and the site page
// « Comment nous suggérons » quote them; weights.test.ts checks that they still agree.
// Only these signals exist: no popularity, no payment, no profile, no engagement.
import type { EXCHANGE_MODES } from '../../../schemas/db';

export type ExchangeMode = (typeof EXCHANGE_MODES)[number];

/** Points of each signal; they add up to 100 at most. */
export const WEIGHTS = {
  sameCategory: 35,
  relatedCategory: 20,
  perSharedWord: 10,
  sharedWordsMax: 30,
  /** Both listings located: the first step whose distance is not exceeded. */
  distance: [
    { withinKm: 5, points: 15 },
    { withinKm: 20, points: 10 },
    { withinKm: 50, points: 5 },
  ],
  datesOverlap: 10,
  commonExchangeMode: 10,
} as const;

export const MAX_SCORE =
  WEIGHTS.sameCategory + WEIGHTS.sharedWordsMax + WEIGHTS.distance[0].points + WEIGHTS.datesOverlap + WEIGHTS.commonExchangeMode;

/** A « correspondance forte »: its authors are notified (functions/shared/matching/notify.ts). */
export const STRONG_MATCH_SCORE = 60;
/** Shown as « proche » from here, « très proche » from STRONG_MATCH_SCORE. */
export const CLOSE_MATCH_SCORE = 40;

/**
 * Candidates examined word by word: counting shared words reads each candidate's text,
 * so only this many, the best placed on every other signal, are examined before the
 * final order (the bench: 10,000 open listings, p95 under 50 ms).
 */
export const CANDIDATES_EXAMINED = 50;
/** How many authors of strong matches a new listing notifies, the best first. */
export const NOTIFIED_MATCHES = 5;
/** Words of fewer letters (after stemming) are not counted as shared words. */
export const MIN_WORD_LENGTH = 3;

/**
 * Neighbouring default categories (schemas/db/defaults.ts slugs), both ways. A territory's
 * own categories only match themselves.
 */
export const RELATED_CATEGORIES: readonly (readonly [string, string])[] = [
  ['vehicules-mobilite', 'services'],
  ['materiel', 'matieres-approvisionnement'],
  ['competences-temps', 'savoir-faire'],
  ['locaux-espaces', 'materiel'],
];

export function relatedSlugs(slug: string): string[] {
  return RELATED_CATEGORIES.flatMap(([a, b]) => (a === slug ? [b] : b === slug ? [a] : []));
}

export const EXCHANGE_MODE_FR: Record<ExchangeMode, string> = {
  don: 'don',
  pret: 'prêt',
  location: 'location',
  echange: 'échange',
  vente: 'vente',
  mutualisation: 'mutualisation',
  mecenat_competences: 'mécénat de compétences',
};
