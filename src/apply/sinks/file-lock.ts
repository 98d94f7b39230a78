// An exclusive lock file beside the secrets file, held around each read-modify-write of it. The
// in-process queue of the file sink does not stop another oradmin (a second apply, on the same
// machine or a shared volume) from reading the same old content and renaming its own version over
// ours: without this lock, two applies of 40 keys each kept 43 of 80 secrets. The lock is created
// with O_EXCL, holds who took it, and is removed after
// the write. It is held for milliseconds, so one older than STALE_LOCK_MS, or one whose process on
// this host is gone, is a crashed writer's and is broken. So is a lock that still names no owner
// after UNNAMED_LOCK_STALE_MS: its writer names itself right after creating it, so it died in
// between (a SIGKILL lands there often enough that waiting the full STALE_LOCK_MS stalled a
// re-run of a killed apply by 30 s).
import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { OradminError } from '../../errors.js';

export const STALE_LOCK_MS = 30_000;
export const UNNAMED_LOCK_STALE_MS = 2_000;
export const LOCK_WAIT_MS = 60_000;

interface Owner {
  pid: number;
  host: string;
  since: string;
}

export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, opts: { waitMs?: number } = {}): Promise<T> {
  const waitMs = opts.waitMs ?? LOCK_WAIT_MS;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Owner));
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await breakIfStale(lockPath)) continue;
    if (Date.now() - started > waitMs) {
      const owner = await readOwner(lockPath);
      throw new OradminError(
        `the secrets file is locked by ${owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process'} ` +
          `(${lockPath}) and stayed locked for ${Math.round(waitMs / 1000)} s; if no oradmin is running, remove that file`,
      );
    }
    await new Promise((r) => setTimeout(r, 5 + Math.min(100, attempt * 5) * Math.random()));
  }
  try {
    return await fn();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

async function readOwner(lockPath: string): Promise<Owner | undefined> {
  try {
    const o = JSON.parse(await readFile(lockPath, 'utf8')) as Owner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock when its writer is gone; true when it did (or the lock vanished meanwhile). */
async function breakIfStale(lockPath: string): Promise<boolean> {
  let before;
  try {
    before = await stat(lockPath);
  } catch {
    return true;
  }
  const owner = await readOwner(lockPath);
  const dead = owner !== undefined && owner.host === hostname() && !alive(owner.pid);
  // An owner not yet written is a holder between open and write, unless that has lasted too long.
  const age = Date.now() - before.mtimeMs;
  if (!dead && age < (owner === undefined ? UNNAMED_LOCK_STALE_MS : STALE_LOCK_MS)) return false;
  // Only the very lock judged stale is removed: another breaker may have replaced it meanwhile.
  const now = await stat(lockPath).catch(() => undefined);
  if (now && now.ino === before.ino && now.mtimeMs === before.mtimeMs) await unlink(lockPath).catch(() => undefined);
  return true;
}
