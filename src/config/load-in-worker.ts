// Loading a large desired-state file on a worker thread (load-for-plan.ts). Parsing and validating
// is CPU-bound (about 0.25 s for a file declaring 10,000 keys); on the main thread it would stall the
// reads of the live organization, which plan runs at the same time. Positions are only needed for
// messages, so the main thread re-parses the texts lazily, the first time one is asked for.
import { Worker } from 'node:worker_threads';
import { ConfigError, type Diagnostic } from '../errors.js';
import type { LoadedConfig } from './load.js';
import { mergeSources, type Locate } from './merge.js';
import type { FileConfig } from './schema.js';
import { parseSource } from './source.js';

interface WorkerReply {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  loaded?: { config: FileConfig; files: string[]; digest: string; texts: string[] };
}

export function loadConfigInWorker(target: string, now: Date): Promise<LoadedConfig> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: { target, now: now.toISOString() } });
    worker.once('error', reject);
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (!reply.loaded) return reject(new ConfigError(reply.errors, reply.warnings));
      const { config, files, digest, texts } = reply.loaded;
      let merged: Locate | undefined;
      const locate: Locate = (path, opts) => {
        if (!merged) {
          const diagnostics: Diagnostic[] = [];
          merged = mergeSources(files.map((f, i) => parseSource(f, texts[i]!, diagnostics)), diagnostics).locate;
        }
        return merged(path, opts);
      };
      resolve({ config, locate, files, digest, warnings: reply.warnings, texts });
    });
  });
}
