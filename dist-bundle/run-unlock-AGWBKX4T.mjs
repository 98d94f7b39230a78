import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  describeLease,
  forceRelease
} from "./chunk-5UNG3LLB.mjs";
import {
  RUN_ID_PATTERN,
  makeClient
} from "./chunk-CVIU2U5I.mjs";
import "./chunk-RRS75AT4.mjs";
import "./chunk-EIHYN65R.mjs";
import "./chunk-QJXVBNKU.mjs";
import {
  OradminError
} from "./chunk-5QFJAZR6.mjs";
import "./chunk-7BIV6K7H.mjs";
import "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";

// src/cli/run-unlock.ts
async function runUnlock(opts, io, run) {
  if (!RUN_ID_PATTERN.test(run)) throw new OradminError(`"${run}" is not a run id (8 to 32 hex digits, as apply and plan print them)`);
  const client = makeClient(opts, io);
  try {
    const lease = await forceRelease(client, run, /* @__PURE__ */ new Date());
    io.stderr.write(
      `Released the apply lease of ${describeLease(lease)}. If that apply is still running, it stops starting operations at its next renewal.
`
    );
  } finally {
    await client.close();
  }
}
export {
  runUnlock
};
