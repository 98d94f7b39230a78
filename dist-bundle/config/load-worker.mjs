import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  validateFile
} from "../chunk-JYJMQFSQ.mjs";
import "../chunk-EIHYN65R.mjs";
import "../chunk-QJXVBNKU.mjs";
import "../chunk-5QFJAZR6.mjs";
import "../chunk-7BIV6K7H.mjs";
import "../chunk-JEOGTWCP.mjs";
import "../chunk-543QZ3Z5.mjs";
import "../chunk-IVK2YKFB.mjs";

// src/config/load-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { target, now } = workerData;
var result = await validateFile(target, new Date(now));
parentPort.postMessage({
  errors: result.errors,
  warnings: result.warnings,
  loaded: result.loaded ? { config: result.loaded.config, files: result.loaded.files, digest: result.loaded.digest, texts: result.loaded.texts } : void 0
});
