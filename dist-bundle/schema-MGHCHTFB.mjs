import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  BUDGET_INTERVALS,
  DEFAULT_WORKSPACE,
  SLUG_PATTERN,
  UTC_TIMESTAMP,
  fileSchema,
  jsonSchema
} from "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";
export {
  BUDGET_INTERVALS,
  DEFAULT_WORKSPACE,
  SLUG_PATTERN,
  UTC_TIMESTAMP,
  fileSchema,
  jsonSchema
};
