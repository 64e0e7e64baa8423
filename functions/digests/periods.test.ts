import { describe, expect, it } from 'vitest';
import { duePeriods, isoWeek } from './periods';

describe('digest periods (Europe/Paris)', () => {
  it('the daily digest of a day is due from 07:00 Paris time', () => {
    // 27 November 2026 is a Friday; Paris is UTC+1 in winter.
    expect(duePeriods(new Date('2026-11-27T05:59:00Z')).daily).toBeNull();
    expect(duePeriods(new Date('2026-11-27T06:00:00Z')).daily).toBe('daily:2026-11-27');
    // Summer time (UTC+2): 05:00 UTC is 07:00 in Paris.
    expect(duePeriods(new Date('2026-07-01T05:00:00Z')).daily).toBe('daily:2026-07-01');
    // 23:30 UTC on the 27th is already the 28th in Paris.
    expect(duePeriods(new Date('2026-11-27T23:30:00Z')).daily).toBeNull();
  });

  it('the weekly digest of a week is due from its Monday 07:00', () => {
    expect(duePeriods(new Date('2026-11-30T05:00:00Z')).weekly).toBeNull(); // Monday 06:00 in Paris
    expect(duePeriods(new Date('2026-11-30T06:00:00Z')).weekly).toBe('weekly:2026-W49');
    expect(duePeriods(new Date('2026-12-03T12:00:00Z')).weekly).toBe('weekly:2026-W49');
  });

  it('numbers ISO weeks across the new year', () => {
    expect(isoWeek(2026, 12, 31)).toBe('2026-W53');
    expect(isoWeek(2027, 1, 4)).toBe('2027-W01');
    expect(isoWeek(2025, 12, 29)).toBe('2026-W01');
  });
});
