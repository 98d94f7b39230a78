// Loading the desired-state file for plan, apply and rotate, which read the organization at the same
// time. The file is parsed on the main thread, after the first reads are on the wire: most files
// take the fast parser (fast-yaml.ts; 10,000 keys in about 0.1 s), so a worker thread — which
// starts its own copy of the modules, some 0.1 s of the other core — no longer pays for itself.
import type { LoadedConfig } from './load.js';
import type { ReadTexts } from './read-files.js';

export async function loadConfigForPlan(target: string, now: Date, preread?: Promise<ReadTexts>): Promise<LoadedConfig> {
  // Let the caller's first requests leave before the parse takes the thread.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const { loadConfig } = await import('./load.js');
  return loadConfig(target, now, preread);
}
