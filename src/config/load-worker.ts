// Worker entry of load-in-worker.ts: loads the desired-state file off the main thread and sends back
// plain data (the parsed YAML documents themselves cannot cross threads). It only gets files the
// fast parser declined, so it has no early key count to send: the main thread already sent what the
// fast parser counted, and the /keys reader grows its read-ahead from there.
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
