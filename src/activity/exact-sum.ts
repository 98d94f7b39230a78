// Exact sums of USD amounts. The API reports amounts as JSON numbers (binary doubles); adding them
// as doubles accumulates noise (0.1 + 0.2 = 0.30000000000000004), and a month of activity rows is
// thousands of additions. Each number is taken at its shortest decimal spelling — the one the JSON
// document carried — and the spellings are added as integers at a common scale, so that a report's
// totals equal the sum of what the API sent, digit for digit; the result is converted once.

/** An amount as an integer count of 10^-scale dollars. */
interface Scaled {
  digits: bigint;
  scale: number;
}

function scaled(n: number): Scaled {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite amount: ${n}`);
  // String(n) is the shortest spelling that reads back as n (ECMA-262 Number::toString).
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) throw new RangeError(`unexpected number spelling: ${String(n)}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = m;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

export class ExactSum {
  private digits = 0n;
  private scale = 0;

  add(n: number): this {
    const s = scaled(n);
    if (s.scale > this.scale) {
      this.digits *= 10n ** BigInt(s.scale - this.scale);
      this.scale = s.scale;
    }
    this.digits += s.digits * 10n ** BigInt(this.scale - s.scale);
    return this;
  }

  /** The exact sum as a decimal string, e.g. "12.3456" (no exponent, no trailing zeros). */
  toDecimal(): string {
    const negative = this.digits < 0n;
    const text = (negative ? -this.digits : this.digits).toString().padStart(this.scale + 1, '0');
    const point = text.length - this.scale;
    const fraction = text.slice(point).replace(/0+$/, '');
    return `${negative ? '-' : ''}${text.slice(0, point)}${fraction ? `.${fraction}` : ''}`;
  }

  /** The double nearest to the exact sum: JSON prints it as the exact decimal when that has ≤ 15 significant digits. */
  toNumber(): number {
    return Number(this.toDecimal());
  }
}

/** The exact sum of `values`, converted once. */
export function exactSum(values: Iterable<number>): number {
  const sum = new ExactSum();
  for (const v of values) sum.add(v);
  return sum.toNumber();
}
