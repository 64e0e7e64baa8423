// From the signals of one pair of listings to its score and its reasons in French. Pure:
// the SQL of query.ts computes the same score to sort (scoreSql), this is what is shown.
import { CLOSE_MATCH_SCORE, EXCHANGE_MODE_FR, type ExchangeMode, STRONG_MATCH_SCORE, WEIGHTS } from './weights';

export interface MatchSignals {
  /** Same category, a neighbouring one (RELATED_CATEGORIES), or neither. */
  category: 'same' | 'related' | null;
  /** The suggested listing's category, in French (for « catégorie voisine : … »). */
  categoryLabel: string;
  /** Words of the suggested listing whose stem the other listing also uses. */
  sharedWords: string[];
  /** Number of distinct stems shared (what is counted; sharedWords shows some of them). */
  sharedWordCount: number;
  /** Great-circle distance when both listings are located, else null. */
  distanceKm: number | null;
  /** At least one listing has dates and the two periods overlap. */
  datesOverlap: boolean;
  commonExchangeModes: ExchangeMode[];
}

export type MatchStrength = 'strong' | 'close' | 'possible';

export function distancePoints(km: number | null): number {
  if (km === null) return 0;
  return WEIGHTS.distance.find((step) => km <= step.withinKm)?.points ?? 0;
}

export function score(s: MatchSignals): number {
  const category = s.category === 'same' ? WEIGHTS.sameCategory : s.category === 'related' ? WEIGHTS.relatedCategory : 0;
  const words = Math.min(WEIGHTS.sharedWordsMax, WEIGHTS.perSharedWord * s.sharedWordCount);
  return (
    category +
    words +
    distancePoints(s.distanceKm) +
    (s.datesOverlap ? WEIGHTS.datesOverlap : 0) +
    (s.commonExchangeModes.length > 0 ? WEIGHTS.commonExchangeMode : 0)
  );
}

export function strength(points: number): MatchStrength {
  return points >= STRONG_MATCH_SCORE ? 'strong' : points >= CLOSE_MATCH_SCORE ? 'close' : 'possible';
}

function list(words: string[]): string {
  return words.join(', ');
}

export function formatKm(km: number): string {
  if (km < 1) return "à moins d'1 km";
  return `à ${Math.round(km).toLocaleString('fr-FR')} km`;
}

/** The reasons, in the order of the weights, each a short French phrase. */
export function reasons(s: MatchSignals): string[] {
  const out: string[] = [];
  if (s.category === 'same') out.push('même catégorie');
  if (s.category === 'related') out.push(`catégorie voisine : ${s.categoryLabel}`);
  if (s.sharedWordCount > 0) {
    out.push(s.sharedWords.length === 1 && s.sharedWordCount === 1 ? `mot commun : ${s.sharedWords[0]}` : `mots communs : ${list(s.sharedWords)}`);
  }
  if (s.distanceKm !== null && distancePoints(s.distanceKm) > 0) out.push(formatKm(s.distanceKm));
  if (s.datesOverlap) out.push('disponible aux mêmes dates');
  const modes = s.commonExchangeModes.map((m) => EXCHANGE_MODE_FR[m]);
  if (modes.length === 1) out.push(`même mode d'échange : ${modes[0]}`);
  if (modes.length > 1) out.push(`modes d'échange communs : ${list(modes)}`);
  return out;
}
