// Loading the desired-state file for plan, apply and rotate, which read the organization at the same
// time. A worker thread keeps a large file's parse (about 0.6 s for 10,000 keys) from stalling those
// reads, but it starts its own copy of the modules, which costs more than parsing a small file: the
// file is parsed on the main thread below IN_PROCESS_MAX_BYTES, after the first reads are on the wire.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from './load.js';
import { loadConfigInWorker } from './load-in-worker.js';

/** About 1,500 declared keys: a parse of a few tens of milliseconds. */
export const IN_PROCESS_MAX_BYTES = 256 * 1024;

export async function loadConfigForPlan(target: string, now: Date): Promise<LoadedConfig> {
  const size = await sizeOf(target);
  if (size !== undefined && size > IN_PROCESS_MAX_BYTES) return loadConfigInWorker(target, now);
  // Let the caller's first requests leave before the parse takes the thread.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const { loadConfig } = await import('./load.js');
  return loadConfig(target, now);
}

/** The bytes of the file, or of the directory's YAML files; undefined when unreadable (the loader says why). */
async function sizeOf(target: string): Promise<number | undefined> {
  try {
    const info = await stat(target);
    if (!info.isDirectory()) return info.size;
    let total = 0;
    for (const name of await readdir(target)) {
      if (/\.ya?ml$/.test(name)) total += (await stat(path.join(target, name))).size;
    }
    return total;
  } catch {
    return undefined;
  }
}
