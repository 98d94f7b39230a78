// The period arithmetic a page of keys uses (samePeriods) against the definition by calendar
// (periodOf): the same answer for every pair of instants, around the boundaries that matter —
// midnight UTC, Sunday to Monday, the last day of a month, leap days, before 1970.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodOf, samePeriods } from '../../src/sandbox/state/usage-periods.js';

const DAY = 86_400_000;
const instant = fc.integer({ min: Date.UTC(1965, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => new Date(t));

describe('samePeriods', () => {
  it('agrees with periodOf for any two instants, and for instants near each other', () => {
    const near = fc.tuple(instant, fc.integer({ min: -40 * DAY, max: 40 * DAY })).map(([a, d]) => [a, new Date(a.getTime() + d)] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(instant, instant), near), ([a, b]) => {
        const same = samePeriods(a, b);
        for (const interval of ['daily', 'weekly', 'monthly'] as const) {
          expect(same[interval]).toBe(periodOf(interval, a) === periodOf(interval, b));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('splits weeks between Sunday and Monday, and days at midnight UTC', () => {
    const sunday = new Date('2026-11-29T23:59:59.999Z');
    const monday = new Date('2026-11-30T00:00:00.000Z');
    expect(samePeriods(sunday, monday)).toEqual({ daily: false, weekly: false, monthly: true });
    expect(samePeriods(monday, new Date('2026-12-06T23:59:59.999Z'))).toEqual({ daily: false, weekly: true, monthly: false });
    expect(samePeriods(new Date('1970-01-04T12:00:00Z'), new Date('1970-01-05T00:00:00Z')).weekly).toBe(false);
  });
});
