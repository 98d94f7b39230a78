// Worker entry of load-in-worker.ts: loads the desired-state file off the main thread and sends back
// plain data (the parsed YAML documents themselves cannot cross threads) — first, right after the
// parse, how many keys it declares per workspace (the /keys reader's hint), then the result.
import { parentPort, workerData } from 'node:worker_threads';
import { keysPerWorkspace } from './key-counts.js';
import { validateFile } from './load.js';
import { readTexts } from './read-files.js';

const { target, now } = workerData as { target: string; now: string };
const read = await readTexts(target, { parse: true });
parentPort!.postMessage({ hint: keysPerWorkspace(read) });
const result = await validateFile(target, new Date(now), Promise.resolve(read));
parentPort!.postMessage({
  errors: result.errors,
  warnings: result.warnings,
  loaded: result.loaded
    ? { config: result.loaded.config, files: result.loaded.files, digest: result.loaded.digest, texts: result.loaded.texts }
    : undefined,
});
