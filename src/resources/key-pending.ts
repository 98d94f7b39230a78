// Names of keys in the middle of oradmin's creation protocol (see apply/key-creation.ts). A new key
// is created under a temporary name carrying a per-operation nonce and renamed once its secret is
// delivered, so an interrupted creation can always be found again and finished or removed.
//
// The name also carries the run that creates it — `oradmin-pending:<nonce>@<run>:<name>`, or
// `@nolock-<run>` for a run with `--lock=false` — and the key's own `created_at` says when it was
// started. Another run can therefore tell a creation in flight (its run still holds the apply
// lease, or ran without one and started moments ago) from one interrupted by a crash, and leaves
// the former alone (PRODUCT.md section 4). Names without a run are from older oradmin versions.

import { PENDING_PREFIX as PREFIX } from '../reserved-prefixes.js';

export interface PendingRun {
  id: string;
  /** The run holds the apply lease (false: `--lock=false`). */
  locked: boolean;
}

export interface PendingName {
  nonce: string;
  name: string;
  run?: PendingRun;
}

export function pendingName(nonce: string, name: string, run?: PendingRun): string {
  const by = run ? `@${run.locked ? '' : 'nolock-'}${run.id}` : '';
  return `${PREFIX}:${nonce}${by}:${name}`;
}

export function parsePendingName(keyName: string): PendingName | undefined {
  // Most names are users' own: one comparison instead of a regular expression per live key.
  if (!keyName.startsWith('oradmin-')) return undefined;
  const m = /^oradmin-pending:([0-9a-f]{8,32})(?:@(nolock-)?([0-9a-f]{8,32}))?:(.+)$/s.exec(keyName);
  if (!m) return undefined;
  return { nonce: m[1]!, name: m[4]!, ...(m[3] ? { run: { id: m[3], locked: m[2] === undefined } } : {}) };
}
