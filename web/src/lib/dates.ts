// Dates as a person reads them, in their language and in French time (the territories'
// time zone), the same on the server and in the browser.
import { getLocale } from '$lib/paraglide/runtime.js';

const TIME_ZONE = 'Europe/Paris';

function format(iso: string | null | undefined, options: Intl.DateTimeFormatOptions): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'fr-FR', { timeZone: TIME_ZONE, ...options }).format(date);
}

/** « 12 mars 2026 » */
export const formatDate = (iso: string | null | undefined) => format(iso, { dateStyle: 'long' });

/** « 12 mars 2026 à 14:05 » */
export const formatDateTime = (iso: string | null | undefined) => format(iso, { dateStyle: 'long', timeStyle: 'short' });
