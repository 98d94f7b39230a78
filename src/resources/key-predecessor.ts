// Names of predecessors: after a rotation (PRODUCT.md section 8) the old key stays valid for the
// overlap, under a reserved name that says what it is, from the live organization alone — no state
// file: `oradmin-predecessor:<overlap>:<retire>:<name>`, e.g. `oradmin-predecessor:2d:delete:etl-worker`.
//
// - `<name>` is the key it preceded, in the same workspace: the current key of that name is its
//   successor, so `key.<slug>/<name>` always names the current key and never two live keys.
// - `<overlap>` (a canonical lifecycle duration, src/duration.ts) is how long it stays valid after
//   its successor was created: it is retired once the current key is at least that old, by the
//   current key's `created_at` (the server's clock). Written into the name when the rotation marks
//   it, so that a changed file, or a rotation finished by another run, keeps the promise made to the
//   sink (the command sink's `predecessor_retires_at`).
// - `<retire>` is what happens then: `delete`, or `disable` (a retired predecessor then stays,
//   disabled, under this name).
//
// A predecessor is never a declared or unmanaged key, never exported, and not counted by the
// safety thresholds: like pending keys it is oradmin's own bookkeeping.
import { canonicalLifecycleDuration, parseLifecycleDuration } from '../core/duration.js';
import { PREDECESSOR_PREFIX as PREFIX } from '../reserved-prefixes.js';
import { parsePendingName } from './key-pending.js';

export type RetireMode = 'delete' | 'disable';

export interface PredecessorName {
  /** The key it preceded. */
  name: string;
  overlapMs: number;
  retire: RetireMode;
}

export function predecessorName(name: string, overlapMs: number, retire: RetireMode): string {
  return `${PREFIX}:${canonicalLifecycleDuration(overlapMs)}:${retire}:${name}`;
}

export function parsePredecessorName(keyName: string): PredecessorName | undefined {
  // Most names are users' own: one comparison instead of a regular expression per live key.
  if (!keyName.startsWith('oradmin-')) return undefined;
  const m = /^oradmin-predecessor:(\d+[mhdw]):(delete|disable):(.+)$/s.exec(keyName);
  if (!m) return undefined;
  const overlapMs = parseLifecycleDuration(m[1]!);
  if (overlapMs === undefined) return undefined;
  return { name: m[3]!, overlapMs, retire: m[2] as RetireMode };
}

/**
 * Keys oradmin keeps for itself — in the middle of the creation protocol, or predecessors after a
 * rotation: never declared, unmanaged, exported, bound by the file or counted.
 */
export function isOradminKeyName(keyName: string): boolean {
  return parsePredecessorName(keyName) !== undefined || parsePendingName(keyName) !== undefined;
}
