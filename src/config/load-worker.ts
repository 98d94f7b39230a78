// Worker entry of load-in-worker.ts: validates the desired-state file off the main thread and sends
// back plain data (the parsed YAML documents themselves cannot cross threads).
import { parentPort, workerData } from 'node:worker_threads';
import { validateFile } from './load.js';

const { target, now } = workerData as { target: string; now: string };
const result = await validateFile(target, new Date(now));
parentPort!.postMessage({
  errors: result.errors,
  warnings: result.warnings,
  loaded: result.loaded
    ? { config: result.loaded.config, files: result.loaded.files, digest: result.loaded.digest, texts: result.loaded.texts }
    : undefined,
});
