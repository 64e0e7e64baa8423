// The rules are published twice, in docs/matching.md and on the site page « Comment nous
// suggérons » (web/messages): both must quote the numbers the code uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../schemas/db/defaults';
import { CANDIDATES_EXAMINED, CLOSE_MATCH_SCORE, NOTIFIED_MATCHES, RELATED_CATEGORIES, STRONG_MATCH_SCORE, WEIGHTS } from './weights';

const root = new URL('../../../', import.meta.url);
const doc = readFileSync(new URL('docs/matching.md', root), 'utf8');
const site = JSON.parse(readFileSync(new URL('web/messages/fr.json', root), 'utf8')) as Record<string, string>;
const page = Object.entries(site)
  .filter(([key]) => key.startsWith('match_explain_'))
  .map(([, text]) => text)
  .join('\n');

const label = (slug: string) => DEFAULT_CATEGORIES.find((c) => c.slug === slug)!.labelFr.toLocaleLowerCase('fr-FR');

const phrases = [
  `${WEIGHTS.sameCategory} points pour la même catégorie`,
  `${WEIGHTS.relatedCategory} points pour une catégorie voisine`,
  `${WEIGHTS.perSharedWord} points par mot, ${WEIGHTS.sharedWordsMax} au plus`,
  `${WEIGHTS.distance[0].points} points jusqu'à ${WEIGHTS.distance[0].withinKm} km, ` +
    `${WEIGHTS.distance[1].points} points jusqu'à ${WEIGHTS.distance[1].withinKm} km, ` +
    `${WEIGHTS.distance[2].points} points jusqu'à ${WEIGHTS.distance[2].withinKm} km`,
  `Dates : ${WEIGHTS.datesOverlap} points`,
  `Mode d'échange : ${WEIGHTS.commonExchangeMode} points`,
  `À partir de ${STRONG_MATCH_SCORE} points`,
  `les auteurs des ${NOTIFIED_MATCHES} annonces très proches`,
  `De ${CLOSE_MATCH_SCORE} à ${STRONG_MATCH_SCORE - 1} points`,
  `seules les ${CANDIDATES_EXAMINED} annonces`,
  ...RELATED_CATEGORIES.map(([a, b]) => `${label(a)} avec ${label(b)}`),
];

describe('the published rules of matching', () => {
  it.each(phrases)('docs/matching.md and the site both say « %s »', (phrase) => {
    expect(doc).toContain(phrase);
    expect(page).toContain(phrase);
  });

  it('quotes no other number of points than the code’s', () => {
    const known = new Set([
      WEIGHTS.sameCategory, WEIGHTS.relatedCategory, WEIGHTS.perSharedWord, WEIGHTS.sharedWordsMax,
      ...WEIGHTS.distance.map((s) => s.points), WEIGHTS.datesOverlap, WEIGHTS.commonExchangeMode,
      STRONG_MATCH_SCORE, CLOSE_MATCH_SCORE, STRONG_MATCH_SCORE - 1, 100,
    ]);
    const quoted = [...page.matchAll(/(\d+) points/g)].map((m) => Number(m[1]));
    expect(quoted.length).toBeGreaterThan(8);
    for (const n of quoted) expect(known).toContain(n);
  });
});
