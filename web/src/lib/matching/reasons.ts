// A suggestion's reasons in the person's language, from its signals (the API also gives
// them in French, built by the same rules: functions/shared/matching/reasons.ts).
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { exchangeModeLabel } from '$lib/labels';
import type { components } from '$lib/api/schema';

type Suggestion = components['schemas']['Suggestion'];

/** Beyond this distance, no points and no reason (functions/shared/matching/weights.ts). */
const FARTHEST_KM = 50;

export function reasonsOf(s: Suggestion): string[] {
  const english = getLocale() === 'en';
  const list = (items: string[]) => new Intl.ListFormat(english ? 'en-GB' : 'fr-FR', { type: 'unit' }).format(items);
  const { signals } = s;
  const out: string[] = [];
  if (signals.category === 'same') out.push(m.match_reason_same_category());
  if (signals.category === 'related') {
    out.push(m.match_reason_related_category({ category: (english ? s.listing.category.labelEn : s.listing.category.labelFr).toLocaleLowerCase() }));
  }
  if (signals.sharedWordCount > 0 && signals.sharedWords.length > 0) {
    const words = list(signals.sharedWords);
    out.push(signals.sharedWordCount === 1 ? m.match_reason_word({ words }) : m.match_reason_words({ words }));
  }
  if (signals.distanceKm !== null && signals.distanceKm <= FARTHEST_KM) {
    out.push(signals.distanceKm < 1 ? m.match_reason_under_1km() : m.match_reason_km({ km: Math.round(signals.distanceKm) }));
  }
  if (signals.datesOverlap) out.push(m.match_reason_dates());
  const modes = signals.commonExchangeModes.map((mode) => exchangeModeLabel(mode).toLocaleLowerCase());
  if (modes.length === 1) out.push(m.match_reason_mode({ modes: modes[0]! }));
  if (modes.length > 1) out.push(m.match_reason_modes({ modes: list(modes) }));
  return out;
}

export function strengthLabel(strength: Suggestion['strength']): string {
  return strength === 'strong' ? m.match_strength_strong() : strength === 'close' ? m.match_strength_close() : m.match_strength_possible();
}
