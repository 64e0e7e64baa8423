// Which digest periods are due at a given instant, in the territory's clock (Europe/Paris):
// the daily digest of a day once 07:00 has passed, the weekly digest of an ISO week once
// its Monday 07:00 has passed. A run later in the day (or week) still finds the period
// due; app.claim_digest_period makes sure each is sent once.
const DIGEST_HOUR = 7;

interface ParisClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
}

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function parisClock(now: Date): ParisClock {
  const parts = Object.fromEntries(FORMAT.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    weekday: WEEKDAYS.indexOf(parts.weekday) + 1,
  };
}

/** ISO 8601 week of a calendar date: "2026-W48". */
export function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of the same week
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

export function duePeriods(now: Date): { daily: string | null; weekly: string | null } {
  const c = parisClock(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const beforeSeven = c.hour < DIGEST_HOUR;
  return {
    daily: beforeSeven ? null : `daily:${c.year}-${pad(c.month)}-${pad(c.day)}`,
    weekly: c.weekday === 1 && beforeSeven ? null : `weekly:${isoWeek(c.year, c.month, c.day)}`,
  };
}
