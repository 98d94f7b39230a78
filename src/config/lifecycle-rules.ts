// The file's key-lifecycle rules (PRODUCT.md section 3): a rotation is complete (every and overlap,
// on the key or in defaults.key.rotation), its predecessor retires before the next rotation is due
// (overlap shorter than every), a key with a relative expiry rolls before it expires (every shorter
// than expires_in minus overlap), and a key has one kind of expiry. Each at the field it concerns.
import { canonicalLifecycleDuration, parseLifecycleDuration } from '../duration.js';
import { keyExpiresInMs, mergedRotation } from './lifecycle.js';
import type { FileConfig } from './schema.js';
import type { Finding } from './zod-messages.js';
import type { PathSegment } from './source.js';

export function lifecycleRules(config: FileConfig): Finding[] {
  const out: Finding[] = [];
  const defaults = config.defaults?.key?.rotation;
  const defaultsPath = ['defaults', 'key', 'rotation'];
  if (defaults) {
    const every = defaults.every === undefined ? undefined : parseLifecycleDuration(defaults.every);
    const overlap = defaults.overlap === undefined ? undefined : parseLifecycleDuration(defaults.overlap);
    if (every !== undefined && overlap !== undefined && overlap >= every) {
      out.push({ path: [...defaultsPath, 'overlap'], message: overlapMessage('defaults.key.rotation', defaults.overlap!, defaults.every!) });
    }
  }

  (config.keys ?? []).forEach((k, i) => {
    if (k.absent) return;
    const base: PathSegment[] = ['keys', i];
    const what = `key "${k.name}"`;
    if (k.expires_in !== undefined && k.expires_at !== undefined) {
      out.push({
        path: [...base, 'expires_in'],
        concerns: [...base, 'expires_at'],
        message: `${what} sets both expires_at and expires_in; give one (expires_at is a fixed instant, expires_in a lifetime counted from each creation)`,
      });
    }
    const merged = mergedRotation(k, config);
    if (!merged) return;
    const own = k.rotation ?? undefined;
    const fieldPath = (field: 'every' | 'overlap'): PathSegment[] =>
      own?.[field] !== undefined ? [...base, 'rotation', field] : own ? [...base, 'rotation'] : defaults?.[field] !== undefined ? [...defaultsPath, field] : [...base, 'name'];
    const missing = (['every', 'overlap'] as const).filter((f) => merged[f] === undefined);
    for (const field of missing) {
      out.push({
        path: own ? [...base, 'rotation'] : [...base, 'name'],
        concerns: [...base, 'rotation', field],
        message:
          `${what} rotates but has no rotation.${field} (` +
          (field === 'every' ? 'how old the key may get before it gets a successor' : 'how long the predecessor stays valid once its successor exists; 0 for not at all') +
          '); set it on the key or in defaults.key.rotation',
      });
    }
    if (missing.length > 0) return;
    const everyMs = parseLifecycleDuration(merged.every!);
    const overlapMs = parseLifecycleDuration(merged.overlap!);
    if (everyMs === undefined || overlapMs === undefined) return; // the schema reported it
    const fromKey = own?.every !== undefined || own?.overlap !== undefined;
    if (overlapMs >= everyMs && fromKey) {
      out.push({ path: fieldPath(own?.overlap !== undefined ? 'overlap' : 'every'), message: overlapMessage(what, merged.overlap!, merged.every!) });
    }
    const expiresInMs = keyExpiresInMs(k);
    if (expiresInMs !== undefined && everyMs >= expiresInMs - overlapMs) {
      out.push({
        path: own?.every !== undefined ? [...base, 'rotation', 'every'] : [...base, 'expires_in'],
        message:
          `${what}: rotation.every (${merged.every}) must be shorter than expires_in (${k.expires_in}) minus rotation.overlap ` +
          `(${merged.overlap}), that is shorter than ${canonicalLifecycleDuration(Math.max(0, expiresInMs - overlapMs))}: the key must roll, ` +
          'and its predecessor retire, before it expires',
      });
    }
  });
  return out;
}

function overlapMessage(what: string, overlap: string | number, every: string): string {
  return (
    `${what}: rotation.overlap (${overlap}) must be shorter than rotation.every (${every}): a predecessor retires ` +
    'before its successor is due to rotate, so that a key has at most one predecessor at a time'
  );
}
