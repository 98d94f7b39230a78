// Reporting every mistake at once (issue 12): when the schema rejects part of the file, the
// cross-reference rules and the policy still run on every part that did parse, so that a user
// fixes an unknown field and a dangling reference in one round instead of two.
//
// The file's data is pruned until it satisfies the schema: an invalid field is dropped; an object
// that stays invalid without it (a required field missing or wrong) is dropped from its list.
// Dropping list items shifts indices, so every array remembers the original index of each item it
// kept, and `toOriginal` turns a path in the pruned data back into the path as written, which is
// what positions and messages use.
import type { z } from 'zod';
import type { PathSegment } from './source.js';

export interface Salvaged<T> {
  value: T;
  /** A path in the pruned data → the same node's path in the data as written. */
  toOriginal(path: readonly PathSegment[]): PathSegment[];
  /**
   * Whether a path (as written) is, or lies under, a value that was dropped for being invalid.
   * A rule that finds such a field missing would be wrong — the user did write it — so findings
   * about dropped values are left out (unknown fields are dropped too, but were never fields).
   */
  dropped(path: readonly PathSegment[]): boolean;
}

/** Enough for any real file: each round removes at least one invalid node. */
const MAX_ROUNDS = 50;

export function salvage<T>(data: unknown, schema: z.ZodType<T>): Salvaged<T> | undefined {
  const origins = new WeakMap<unknown[], number[]>();
  const root = cloneTracked(data, origins);
  const holder = { root };
  const droppedPaths: string[] = [];
  const key = (path: readonly PathSegment[]) => path.map(String).join('\u0000');
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = schema.safeParse(holder.root);
    if (parsed.success) {
      return {
        value: parsed.data,
        toOriginal: (p) => toOriginal(holder.root, p, origins),
        dropped: (p) => droppedPaths.some((d) => key(p) === d || key(p).startsWith(`${d}\u0000`)),
      };
    }
    let progressed = false;
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const obj = valueAt(holder.root, path);
        if (isRecord(obj)) for (const k of issue.keys) progressed = delete obj[k] || progressed;
        continue;
      }
      const before = toOriginal(holder.root, path, origins);
      if (dropAt(holder, path)) {
        droppedPaths.push(key(before));
        progressed = true;
      }
    }
    if (!progressed) return undefined;
    compactArrays(holder.root, origins);
  }
  return undefined;
}

const DROPPED = Symbol('dropped');

/**
 * Drops the node at `path`: a field is deleted, a list item marked for removal. A node that is
 * already missing (a required field) takes its parent object with it.
 */
function dropAt(holder: { root: unknown }, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(holder.root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) {
    if (parent[last] === DROPPED) return false;
    parent[last] = DROPPED;
    return true;
  }
  if (isRecord(parent)) {
    if (parent[last] === undefined) return dropAt(holder, path.slice(0, -1));
    delete parent[last];
    return true;
  }
  return dropAt(holder, path.slice(0, -1));
}

function cloneTracked(value: unknown, origins: WeakMap<unknown[], number[]>): unknown {
  if (Array.isArray(value)) {
    const copy = value.map((v) => cloneTracked(v, origins));
    origins.set(copy, value.map((_, i) => i));
    return copy;
  }
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneTracked(v, origins)]));
  return value;
}

/** Removes dropped items in place, keeping each array's map to original indices in step. */
function compactArrays(value: unknown, origins: WeakMap<unknown[], number[]>): void {
  if (Array.isArray(value)) {
    const map = origins.get(value) ?? value.map((_, i) => i);
    const keptValues: unknown[] = [];
    const keptOrigins: number[] = [];
    value.forEach((v, i) => {
      if (v === DROPPED) return;
      keptValues.push(v);
      keptOrigins.push(map[i]!);
    });
    value.splice(0, value.length, ...keptValues);
    origins.set(value, keptOrigins);
    for (const v of value) compactArrays(v, origins);
  } else if (isRecord(value)) {
    for (const v of Object.values(value)) compactArrays(v, origins);
  }
}

function toOriginal(root: unknown, path: readonly PathSegment[], origins: WeakMap<unknown[], number[]>): PathSegment[] {
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') {
      out.push(origins.get(node)?.[seg] ?? seg);
      node = node[seg];
    } else {
      out.push(seg);
      node = isRecord(node) ? node[String(seg)] : undefined;
    }
  }
  return out;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') node = node[seg];
    else if (isRecord(node)) node = node[String(seg)];
    else return undefined;
  }
  return node;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
