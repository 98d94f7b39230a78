// What plan starts before its planner is loaded. Loading the schemas and the planner is most of plan's
// start-up, and none of these need them:
// - the reads every plan starts with (api/list-requests.ts) go on the wire, and the reader takes
//   their answers (ApiClient.prefetch);
// - the desired-state files are read and handed to the loader (config/load-for-plan.ts), which
//   parses and checks them in slices between the reads' answers; the parse tells the /keys reader
//   how many keys to expect per workspace (api/paginate.ts), so that it asks for that many pages
//   at once — from its start when the file is small enough to be parsed before the planner loads
//   (COUNT_FIRST_MAX_BYTES).
// Plan only: apply and rotate read after taking the lease.
import type { ApiClient } from '../api/client.js';
import { firstReads } from '../api/list-requests.js';
import { readTexts, type ReadTexts } from '../config/read-files.js';
import { loadConfigForPlan } from '../config/load-for-plan.js';
import type { LoadedConfig } from '../config/load.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient } from './make-client.js';

export interface EarlyStart {
  /** The client with the first reads in flight; undefined when there is none to make (the pipeline says why, after the file's errors). */
  client: ApiClient | undefined;
  /** The files as read from disk. */
  desired: Promise<ReadTexts>;
  /** Keys per workspace slug as the files list them (unvalidated: a hint only); never rejects. */
  expectedKeys: Promise<Record<string, number>>;
  /** The loaded desired state. */
  loaded: Promise<LoadedConfig>;
  /** Settles once `expectedKeys` has, or the file could not give the counts; never rejects. */
  counted: Promise<unknown>;
}

/**
 * Files up to this size (about 2,700 keys) are parsed before plan loads its planner, so that the
 * reader of /keys knows how many pages to ask for from its start (api/paginate.ts): the parse takes
 * ~10 ms for 1,000 keys, less than the round trip it saves. A larger file's parse would hold the
 * reader back longer than the first answers take; its count arrives while the pages are read.
 */
export const COUNT_FIRST_MAX_BYTES = 256 * 1024;

/** Whether plan should wait for the key counts before loading its planner (COUNT_FIRST_MAX_BYTES). */
export async function countsFirst(early: EarlyStart): Promise<boolean> {
  const read = await early.desired.catch(() => undefined);
  return read !== undefined && read.texts.reduce((n, t) => n + t.text.length, 0) <= COUNT_FIRST_MAX_BYTES;
}

export function startEarly(opts: GlobalOptions, io: Io, now: Date): EarlyStart {
  let client: ApiClient | undefined;
  try {
    client = makeClient(opts, io);
  } catch {
    client = undefined;
  }
  if (client) for (const spec of firstReads()) client.prefetch(spec);
  const desired = readTexts(opts.file);
  desired.catch(() => undefined); // the loader reports it
  let counted: (counts: Record<string, number>) => void = () => undefined;
  const expectedKeys = new Promise<Record<string, number>>((resolve) => (counted = resolve));
  const loaded = loadConfigForPlan(opts.file, now, desired, counted);
  loaded.catch(() => undefined); // awaited by the pipeline
  const settled = loaded.then(
    () => undefined,
    () => undefined,
  );
  return { client, desired, expectedKeys, loaded, counted: Promise.race([expectedKeys, settled]) };
}
