// Exact sums of dollar amounts. Each JSON number is taken at its shortest decimal spelling
// (0.1 is "0.1", not 0.1000000000000000055…), the spellings are added as integers at a common
// scale, and the total is converted back once: seeded activity of 0.1 + 0.2 reports 0.3, as the
// seed says, instead of the 0.30000000000000004 of floating-point addition.

interface Scaled {
  digits: bigint;
  /** Number of decimal places in `digits`. */
  scale: number;
}

function scaled(n: number): Scaled {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite amount: ${n}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) throw new RangeError(`unexpected number spelling: ${String(n)}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = m;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** The sum of `values`, as exact as the decimal spellings of the inputs make it. */
export function exactSum(values: Iterable<number>): number {
  const parts = [...values].map(scaled);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  const total = parts.reduce((sum, p) => sum + p.digits * 10n ** BigInt(scale - p.scale), 0n);
  const negative = total < 0n;
  const text = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const point = text.length - scale;
  return Number(`${negative ? '-' : ''}${text.slice(0, point)}${scale > 0 ? `.${text.slice(point)}` : ''}`);
}
