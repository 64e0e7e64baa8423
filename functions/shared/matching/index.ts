// Transparent matching: shared by the `matching` function (suggestions, unmatched needs)
// and the `listings` function (strong matches notified on publication).
export { notifyStrongMatches } from './notify';
export { type Suggestion, suggestionsFor } from './query';
export { type MatchSignals, type MatchStrength, reasons, score, strength } from './reasons';
export * from './weights';
