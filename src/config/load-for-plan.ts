// Loading the desired-state file for plan, apply and rotate, which read the organization at the same
// time. The files are parsed with the fast parser (fast-yaml.ts) once the first reads are on the
// wire, and validated on this thread a slice of keys at a time (load.ts, validateFileInSlices), so
// that the answers arriving meanwhile are read and the next pages asked for between slices.
// A worker thread did this for every large file until it was measured against this: its start-up and
// its own copy of the modules (~0.25 s of CPU) competed for the machine's cores with the reads for as
// long as it ran, and a 10k-key plan was ~0.19 s slower with it (README, "Performance"). It still
// takes the large files the fast parser leaves to the library, which cannot be parsed in slices.
import { parseFastYamlInSlices } from './fast-yaml.js';
import { keysPerWorkspace } from './key-counts.js';
import type { LoadedConfig } from './load.js';
import { readTexts, type ReadTexts } from './read-files.js';

/**
 * `preread`: the files as plan read them early (cli/early-reads.ts);
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
  // Let the caller's first requests leave before the parse takes the thread.
  await yieldToIo();
  if (read) onKeyCounts?.(keysPerWorkspace(await withFastParse(read)));
  // A large file only the yaml library reads (anchors, flow style) cannot be parsed in slices: the
  // library parses a 10k-key file in ~1 s at once, which would stall the reads. A worker thread
  // parses it instead, as every large file was before the slices.
  if (read && read.texts.some((t) => t.fast === null && t.text.length > LIBRARY_ON_THREAD_MAX_BYTES)) {
    const { loadConfigInWorker } = await import('./load-in-worker.js');
    return loadConfigInWorker(target, now);
  }
  const { loadConfigInSlices } = await import('./load.js');
  // An unreadable file: the loader reads it again and says why, at file:line:col.
  return loadConfigInSlices(target, now, read ? Promise.resolve(read) : undefined);
}

/** About 2,500 keys: below, the library parses a file in a few tens of milliseconds. */
export const LIBRARY_ON_THREAD_MAX_BYTES = 256 * 1024;

/**
 * Lines parsed between two yields: about a millisecond (10,000 keys are some 60,000 lines), so that
 * an answer that arrives meanwhile waits no longer than that to be read and its slot's next request
 * sent. 2,000 lines held them up to ~5 ms each time.
 */
const LINES_PER_SLICE = 500;

/** The texts with the fast parser's answer, parsed here where the early read left them unparsed. */
async function withFastParse(read: ReadTexts): Promise<ReadTexts> {
  for (const t of read.texts) if (t.fast === undefined) t.fast = (await parseFastYamlInSlices(t.text, yieldToIo, LINES_PER_SLICE)) ?? null;
  return read;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));
