// The secrets file's lock: a crashed holder's lock is broken at once when its process is known to be
// gone, soon when it never named itself, and only after STALE_LOCK_MS when it names a live process.
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_LOCK_MS, UNNAMED_LOCK_STALE_MS, withFileLock } from '../../src/apply/sinks/file-lock.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function lockIn(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-lock-'));
  dirs.push(dir);
  return path.join(dir, 'secrets.json.lock');
}

/** Sets the lock's mtime `ms` in the past. */
function age(lock: string, ms: number): void {
  const t = new Date(Date.now() - ms);
  utimesSync(lock, t, t);
}

describe('withFileLock', () => {
  it('holds the lock, naming this process, only while the work runs', async () => {
    const lock = lockIn();
    const seen = await withFileLock(lock, async () => JSON.parse(readFileSync(lock, 'utf8')));
    expect(seen).toMatchObject({ pid: process.pid, host: hostname() });
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks an empty lock (its writer died between creating and naming it) once it is a little old', async () => {
    const lock = lockIn();
    writeFileSync(lock, '');
    age(lock, UNNAMED_LOCK_STALE_MS + 1_000);
    const started = Date.now();
    expect(await withFileLock(lock, async () => 'ran', { waitMs: 10_000 })).toBe('ran');
    expect(Date.now() - started, 'broken at once, not after STALE_LOCK_MS').toBeLessThan(5_000);
  });

  it('waits on an empty lock that was just created (its writer may be naming itself)', async () => {
    const lock = lockIn();
    writeFileSync(lock, '');
    await expect(withFileLock(lock, async () => 'ran', { waitMs: 200 })).rejects.toThrow(/secrets file is locked by another process/);
    expect(existsSync(lock), 'the young lock is left alone').toBe(true);
  });

  it('breaks a lock whose process on this host is gone, however young', async () => {
    const lock = lockIn();
    // 2^22 + 1 is above Linux's largest pid, so no process has it.
    writeFileSync(lock, JSON.stringify({ pid: 4_194_305, host: hostname(), since: new Date().toISOString() }));
    expect(await withFileLock(lock, async () => 'ran', { waitMs: 10_000 })).toBe('ran');
  });

  it('waits on a lock of a live process until STALE_LOCK_MS, then breaks it', async () => {
    const lock = lockIn();
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    age(lock, UNNAMED_LOCK_STALE_MS + 1_000);
    await expect(withFileLock(lock, async () => 'ran', { waitMs: 200 })).rejects.toThrow(new RegExp(`locked by process ${process.pid}`));
    age(lock, STALE_LOCK_MS + 1_000);
    expect(await withFileLock(lock, async () => 'ran', { waitMs: 10_000 })).toBe('ran');
  });
});
