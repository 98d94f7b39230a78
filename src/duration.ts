// Durations, one parser for all of them: command-line options and the file's timeouts take `<n>ms`,
// `<n>s`, `<n>m` or `<n>h`; the file's key lifecycle (`expires_in`, `rotation.every`,
// `rotation.overlap`) takes `<n>m`, `<n>h`, `<n>d` or `<n>w` — minutes to weeks, the scale of key
// lifetimes, where seconds would only invite typos. Here, below every layer (like
// reserved-prefixes.ts), so that config/ validates with the parser that apply/ and cli/ use.

export const DURATION_PATTERN = /^(\d+)(ms|s|m|h)$/;

/** The file's lifecycle durations: 90m, 12h, 30d, 2w. */
export const LIFECYCLE_DURATION_PATTERN = /^(\d+)([mhdw])$/;

const MINUTE_MS = 60_000;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: MINUTE_MS, h: 60 * MINUTE_MS, d: 24 * 60 * MINUTE_MS, w: 7 * 24 * 60 * MINUTE_MS };

export const DAY_MS = UNIT_MS.d!;

function parseWith(pattern: RegExp, text: string): number | undefined {
  const m = pattern.exec(text.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]!]!;
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** Milliseconds, or undefined when `text` is not a duration (`<n>ms|s|m|h`). */
export function parseDuration(text: string): number | undefined {
  return parseWith(DURATION_PATTERN, text);
}

/**
 * Milliseconds of a lifecycle duration (`<n>m|h|d|w`), or undefined when it is not one. The number
 * 0 (YAML `overlap: 0`) and the text "0" are zero.
 */
export function parseLifecycleDuration(value: string | number): number | undefined {
  if (value === 0 || value === '0') return 0;
  if (typeof value !== 'string') return undefined;
  return parseWith(LIFECYCLE_DURATION_PATTERN, value);
}

/**
 * A lifecycle duration written one way, in the largest unit that divides it (2880m → 2d, 0 → 0m;
 * rounded down to the minute): what oradmin writes into the names of its own objects, and shows.
 */
export function canonicalLifecycleDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  for (const unit of ['w', 'd', 'h'] as const) {
    const perUnit = UNIT_MS[unit]! / MINUTE_MS;
    if (minutes > 0 && minutes % perUnit === 0) return `${minutes / perUnit}${unit}`;
  }
  return `${minutes}m`;
}

/** "40 days", "3 hours", "25 minutes": how old something is, rounded down, for reasons in plans. */
export function describeAge(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= DAY_MS) return plural(Math.floor(ms / DAY_MS), 'day');
  if (ms >= UNIT_MS.h!) return plural(Math.floor(ms / UNIT_MS.h!), 'hour');
  return plural(Math.max(0, Math.floor(ms / MINUTE_MS)), 'minute');
}
