// Loading the desired-state file for plan, apply and rotate, which read the organization at the same
// time. Most files take the fast parser (fast-yaml.ts) and are loaded on the main thread, after the
// first reads are on the wire. A large one (10,000 keys: ~0.25 s to parse and validate) goes to a
// worker thread: on the main thread it would stall the dispatch of the next pages for that long,
// and the worker's own start (its copy of the modules, ~0.1 s) runs on the other core.
import { parseFastYaml } from './fast-yaml.js';
import { keysPerWorkspace } from './key-counts.js';
import type { LoadedConfig } from './load.js';
import { readTexts, type ReadTexts } from './read-files.js';

/** About 2,500 declared keys: below, a parse and validation of a few tens of milliseconds. */
export const IN_PROCESS_MAX_BYTES = 256 * 1024;

/** Whether files of this many bytes are loaded on a worker thread. */
export function wantsWorker(bytes: number): boolean {
  return bytes > IN_PROCESS_MAX_BYTES;
}

/**
 * `preread`: the files as plan read them early (cli/early-reads.ts), parsed unless they are large;
 * `onKeyCounts` hears how many keys they declare per workspace as soon as that is known.
 */
export async function loadConfigForPlan(
  target: string,
  now: Date,
  preread?: Promise<ReadTexts>,
  onKeyCounts?: (counts: Record<string, number>) => void,
): Promise<LoadedConfig> {
  const reading = preread ?? readTexts(target);
  const read = await reading.catch(() => undefined);
  if (read && wantsWorker(bytesOf(read))) {
    const { loadConfigInWorker } = await import('./load-in-worker.js');
    return loadConfigInWorker(target, now, onKeyCounts);
  }
  // Let the caller's first requests leave before the parse takes the thread.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (read) onKeyCounts?.(keysPerWorkspace(withFastParse(read)));
  const { loadConfig } = await import('./load.js');
  // An unreadable file: the loader reads it again and says why, at file:line:col.
  return loadConfig(target, now, read ? Promise.resolve(read) : undefined);
}

export function bytesOf(read: ReadTexts): number {
  return read.texts.reduce((n, t) => n + t.text.length, 0);
}

/** The texts with the fast parser's answer, parsed here where the early read left them unparsed. */
function withFastParse(read: ReadTexts): ReadTexts {
  for (const t of read.texts) if (t.fast === undefined) t.fast = parseFastYaml(t.text) ?? null;
  return read;
}
