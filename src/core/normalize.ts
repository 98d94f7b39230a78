// Normalization shared by resource kinds, so that a value read back from the API compares equal to
// the value the file declared (PRODUCT.md section 3: "sets are sets", null vs empty, timestamps).

/** Lists compared as sets: sorted, without duplicates; empty and null are the same (API: minItems 1 or null). */
export function normalizeSet(list: readonly string[] | null | undefined): string[] | null {
  if (!list || list.length === 0) return null;
  return [...new Set(list)].sort();
}

/** Lists of objects compared as sets, by their canonical JSON. */
export function normalizeObjectSet<T extends object>(list: readonly T[] | null | undefined, clean: (t: T) => T): T[] | null {
  if (!list || list.length === 0) return null;
  const byJson = new Map<string, T>();
  for (const item of list) {
    const c = clean(item);
    byJson.set(canonicalJson(c), c);
  }
  return [...byJson.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** A UTC instant written one way: 2027-06-30T00:00:00Z (milliseconds only when non-zero). */
export function normalizeTimestamp(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function orNull<T>(value: T | null | undefined): T | null {
  return value === undefined ? null : value;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Shell-style globs (* and ?) for `ignore:`. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}
