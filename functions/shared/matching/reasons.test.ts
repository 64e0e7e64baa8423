import { describe, expect, it } from 'vitest';
import { type MatchSignals, reasons, score, strength } from './reasons';
import { MAX_SCORE, relatedSlugs, STRONG_MATCH_SCORE, WEIGHTS } from './weights';

const none: MatchSignals = {
  category: null,
  categoryLabel: 'Services',
  sharedWords: [],
  sharedWordCount: 0,
  distanceKm: null,
  datesOverlap: false,
  commonExchangeModes: [],
};

describe('matching reasons and score', () => {
  it('adds up to 100 at most, with every signal at its best', () => {
    const best: MatchSignals = {
      category: 'same', categoryLabel: 'Véhicules et mobilité', sharedWords: ['fourgon', 'week-end', 'minibus', 'prêt'],
      sharedWordCount: 4, distanceKm: 0.4, datesOverlap: true, commonExchangeModes: ['pret', 'mutualisation'],
    };
    expect(MAX_SCORE).toBe(100);
    expect(score(best)).toBe(100);
    expect(score(none)).toBe(0);
    expect(reasons(best)).toEqual([
      'même catégorie',
      'mots communs : fourgon, week-end, minibus, prêt',
      "à moins d'1 km",
      'disponible aux mêmes dates',
      "modes d'échange communs : prêt, mutualisation",
    ]);
  });

  it('says a neighbouring category by its name, a distance in whole km, one shared word and one mode', () => {
    const s: MatchSignals = { ...none, category: 'related', sharedWords: ['fourgon'], sharedWordCount: 1, distanceKm: 4.4, commonExchangeModes: ['pret'] };
    expect(reasons(s)).toEqual(['catégorie voisine : Services', 'mot commun : fourgon', 'à 4 km', "même mode d'échange : prêt"]);
    expect(score(s)).toBe(WEIGHTS.relatedCategory + WEIGHTS.perSharedWord + 15 + WEIGHTS.commonExchangeMode);
    expect(strength(score(s))).toBe('close');
  });

  it('counts distance by steps and says nothing beyond 50 km', () => {
    const at = (km: number) => score({ ...none, distanceKm: km });
    expect([at(5), at(5.1), at(20), at(49.9), at(50.1)]).toEqual([15, 10, 10, 5, 0]);
    expect(reasons({ ...none, distanceKm: 120 })).toEqual([]);
    expect(reasons({ ...none, distanceKm: 1234 }).length).toBe(0);
  });

  it('caps shared words and places the strong threshold where documented', () => {
    expect(score({ ...none, sharedWordCount: 9 })).toBe(WEIGHTS.sharedWordsMax);
    expect(strength(STRONG_MATCH_SCORE)).toBe('strong');
    expect(strength(STRONG_MATCH_SCORE - 1)).toBe('close');
    expect(strength(10)).toBe('possible');
  });

  it('relates default categories both ways, and a territory’s own category to nothing', () => {
    expect(relatedSlugs('services')).toContain('vehicules-mobilite');
    expect(relatedSlugs('vehicules-mobilite')).toEqual(['services']);
    expect(relatedSlugs('savoir-faire')).toEqual(['competences-temps']);
    expect(relatedSlugs('jardins-partages')).toEqual([]);
  });
});
