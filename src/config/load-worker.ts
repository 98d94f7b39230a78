// Worker entry of load-in-worker.ts: loads the desired-state file off the main thread and sends back
// plain data (the parsed YAML documents themselves cannot cross threads) — first, right after the
// parse, how many keys it declares per workspace (the /keys reader's hint), then the result.
import { parentPort, workerData } from 'node:worker_threads';
import { keysPerWorkspace } from './key-counts.js';
import { readTexts } from './read-files.js';

const { target, now } = workerData as { target: string; now: string };
const read = await readTexts(target, { parse: true });
parentPort!.postMessage({ hint: keysPerWorkspace(read) });
// Loaded after the hint, not before this file runs: the schemas, rules and YAML library take the
// worker ~0.15 s to load, and the /keys reader pipelines its pages only once it has the hint.
const { validateFile } = await import('./load.js');
const result = await validateFile(target, new Date(now), Promise.resolve(read));
parentPort!.postMessage({
  errors: result.errors,
  warnings: result.warnings,
  loaded: result.loaded
    ? { config: result.loaded.config, files: result.loaded.files, digest: result.loaded.digest, texts: result.loaded.texts }
    : undefined,
});
