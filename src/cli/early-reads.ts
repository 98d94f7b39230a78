// What plan starts before its planner is loaded. Loading the schemas and the planner is most of plan's
// start-up, and none of these need them:
// - the reads every plan starts with (api/list-requests.ts) go on the wire, and the reader takes
//   their answers (ApiClient.prefetch);
// - the desired-state files are read and handed to the loader (config/load-for-plan.ts), which
//   parses and checks them in slices between the reads' answers; the parse tells the /keys reader
//   how many keys to expect per workspace (api/paginate.ts), so that it asks for that many pages
//   at once.
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
  return { client, desired, expectedKeys, loaded };
}
