// Exact sums of dollar amounts (src/sandbox/decimal-sum.ts), which GET /activity relies on.
import { describe, expect, it } from 'vitest';
import { exactSum } from '../../src/sandbox/decimal-sum.js';

describe('exactSum', () => {
  it.each([
    [[0.1, 0.2], 0.3],
    [[0.015, 0.015, 0.015], 0.045],
    [[1e-7, 2e-7], 3e-7],
    [[123.45, 0.000001], 123.450001],
    [[-0.1, 0.05], -0.05],
    [[1e21, 5], 1.000000000000000000005e21],
    [[], 0],
  ])('adds %j to %d', (values, total) => {
    expect(exactSum(values)).toBe(total);
  });

  it('refuses what is not a finite number', () => {
    expect(() => exactSum([Number.NaN])).toThrow(RangeError);
  });
});
