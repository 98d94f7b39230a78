import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runStatus
} from "./chunk-B64ZPH6N.mjs";
import "./chunk-JBTK3ZN6.mjs";
import "./chunk-JYJMQFSQ.mjs";
import "./chunk-CVIU2U5I.mjs";
import "./chunk-RRS75AT4.mjs";
import "./chunk-EIHYN65R.mjs";
import "./chunk-QJXVBNKU.mjs";
import "./chunk-5QFJAZR6.mjs";
import "./chunk-7BIV6K7H.mjs";
import "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";
export {
  runStatus
};
