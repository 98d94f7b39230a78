import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  diagnosticsJson,
  inGitHubActions,
  printDiagnostics
} from "./chunk-U77RFYPH.mjs";
import {
  validateFile
} from "./chunk-JYJMQFSQ.mjs";
import "./chunk-EIHYN65R.mjs";
import "./chunk-QJXVBNKU.mjs";
import "./chunk-5QFJAZR6.mjs";
import {
  terminalText
} from "./chunk-7BIV6K7H.mjs";
import "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";

// src/cli/run-validate.ts
async function runValidate(opts, io, now) {
  const result = await validateFile(opts.file, now);
  if (opts.output === "json") {
    io.stdout.write(diagnosticsJson(result.errors, result.warnings));
    return result.errors.length > 0 ? 1 : 0;
  }
  printDiagnostics(io, result.errors, result.warnings, { annotations: inGitHubActions(io) });
  if (result.errors.length > 0) {
    const n = result.errors.length;
    io.stderr.write(`${n} error${n === 1 ? "" : "s"} in ${terminalText(opts.file)}
`);
    return 1;
  }
  const c = result.loaded.config;
  const count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
  io.stdout.write(
    `${terminalText(opts.file)} is valid: ${count(c.workspaces?.length ?? 0, "workspace")}, ${count(c.guardrails?.length ?? 0, "guardrail")}, ${count(c.keys?.length ?? 0, "key")}
`
  );
  return 0;
}
export {
  runValidate
};
