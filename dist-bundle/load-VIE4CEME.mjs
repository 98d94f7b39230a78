import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  loadConfig,
  validateFile,
  validateSources
} from "./chunk-JYJMQFSQ.mjs";
import "./chunk-EIHYN65R.mjs";
import "./chunk-QJXVBNKU.mjs";
import "./chunk-5QFJAZR6.mjs";
import "./chunk-7BIV6K7H.mjs";
import "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";
export {
  loadConfig,
  validateFile,
  validateSources
};
