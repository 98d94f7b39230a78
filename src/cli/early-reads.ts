// What plan starts before its planner is loaded. Loading the schemas and the planner is most of plan's
// start-up, and none of these need them:
// - the reads every plan starts with (api/list-requests.ts) go on the wire, and the reader takes
//   their answers (ApiClient.prefetch);
// - the desired-state files are read and, where the fast parser can, parsed (config/read-files.ts),
//   which also tells the /keys reader how many keys to expect per workspace (api/paginate.ts), so it
//   asks for that many pages at once instead of growing to them.
// Plan only: apply and rotate read after taking the lease.
import type { ApiClient } from '../api/client.js';
import { firstReads } from '../api/list-requests.js';
import { DEFAULT_WORKSPACE } from '../default-workspace.js';
import { readTexts, type ReadTexts } from '../config/read-files.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient } from './make-client.js';

export interface EarlyStart {
  /** The client with the first reads in flight; undefined when there is none to make (the pipeline says why, after the file's errors). */
  client: ApiClient | undefined;
  /** The files, read and parsed where the fast parser could. */
  desired: Promise<ReadTexts>;
  /** Keys per workspace slug as the files list them (unvalidated: a hint only). */
  expectedKeys: Promise<Record<string, number>>;
}

export function startEarly(opts: GlobalOptions, io: Io): EarlyStart {
  let client: ApiClient | undefined;
  try {
    client = makeClient(opts, io);
  } catch {
    client = undefined;
  }
  if (client) for (const spec of firstReads()) client.prefetch(spec);
  const desired = readTexts(opts.file, { parse: true });
  desired.catch(() => undefined); // the loader reports it
  const expectedKeys = desired.then(keysPerWorkspace, () => ({}));
  return { client, desired, expectedKeys };
}

/** Counts `keys[].workspace` of the parsed files, defensively: nothing here is validated yet. */
function keysPerWorkspace(read: ReadTexts): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { fast } of read.texts) {
    const keys = (fast?.value as { keys?: unknown } | null | undefined)?.keys;
    if (!Array.isArray(keys)) continue;
    for (const key of keys) {
      const ws = (key as { workspace?: unknown } | null)?.workspace;
      const slug = typeof ws === 'string' ? ws : DEFAULT_WORKSPACE;
      counts[slug] = (counts[slug] ?? 0) + 1;
    }
  }
  return counts;
}
