import type { Suggestion } from '../shared/matching';

/** What the API shows of a suggestion: the author's membership id stays inside. */
export function suggestionView(s: Suggestion) {
  const { authorMembershipId: _author, ...listing } = s.listing;
  return { listing, score: s.score, strength: s.strength, reasons: s.reasons, signals: s.signals };
}
