// Words for the kinds and frequencies of notifications, in the person's language.
import { m } from '$lib/paraglide/messages.js';
import type { components } from '$lib/api/schema';

export type NotificationKind = components['schemas']['NotificationKind'];
export type NotificationFrequency = components['schemas']['NotificationFrequency'];

export const KINDS: NotificationKind[] = ['response', 'message', 'membership', 'match', 'cooperation', 'saved_search'];
export const FREQUENCIES: NotificationFrequency[] = ['immediately', 'daily', 'weekly', 'never'];

export const kindLabel = (k: NotificationKind): string =>
  ({
    response: m.notif_kind_response,
    message: m.notif_kind_message,
    membership: m.notif_kind_membership,
    match: m.notif_kind_match,
    cooperation: m.notif_kind_cooperation,
    saved_search: m.notif_kind_saved_search,
  })[k]();

export const frequencyLabel = (f: NotificationFrequency): string =>
  ({ immediately: m.notif_freq_immediately, daily: m.notif_freq_daily, weekly: m.notif_freq_weekly, never: m.notif_freq_never })[f]();
