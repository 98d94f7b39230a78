// Plan's first reads, sent before the planner is loaded. Loading the schemas, the YAML parser and the
// planner is most of plan's start-up; the pages every plan reads first (api/list-requests.ts) do not
// depend on any of it, so they are on the wire while it loads, and the reader takes their answers
// (ApiClient.prefetch). Plan only: apply and rotate read after taking the lease.
import type { ApiClient } from '../api/client.js';
import { firstReads } from '../api/list-requests.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient } from './make-client.js';

/** The client with the first reads in flight; undefined when there is none to make (the pipeline says why, after the file's errors). */
export function startFirstReads(opts: GlobalOptions, io: Io): ApiClient | undefined {
  let client: ApiClient;
  try {
    client = makeClient(opts, io);
  } catch {
    return undefined;
  }
  for (const spec of firstReads()) client.prefetch(spec);
  return client;
}
