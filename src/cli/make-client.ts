// The client of a command, from its global options and environment (PRODUCT.md section 2: the key
// comes only from the environment). Its own module, light, so that plan can send its first reads
// (early-reads.ts) before the pipeline and its schemas are loaded.
import { createClientFromEnv, type ApiClient } from '../api/client.js';
import { terminalText } from '../untrusted.js';
import type { GlobalOptions, Io } from './context.js';

export function makeClient(opts: GlobalOptions, io: Io): ApiClient {
  return createClientFromEnv({
    apiUrl: opts.apiUrl,
    env: io.env,
    ...(opts.verbose ? { verbose: (line: string) => io.stderr.write(`${terminalText(line)}\n`) } : {}),
  });
}
