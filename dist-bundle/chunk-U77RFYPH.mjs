import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  formatDiagnostic
} from "./chunk-5QFJAZR6.mjs";
import {
  jsonText,
  terminalText
} from "./chunk-7BIV6K7H.mjs";

// src/cli/diagnostics.ts
function printDiagnostics(io, errors, warnings, opts) {
  for (const d of [...errors, ...warnings]) {
    io.stderr.write(`${formatDiagnostic(d)}
`);
    for (const line of d.frame ?? []) io.stderr.write(`    ${terminalText(line)}
`);
  }
  if (opts.annotations) {
    for (const d of [...errors, ...warnings]) io.stdout.write(`${annotation(d)}
`);
  }
}
function inGitHubActions(io) {
  return io.env.GITHUB_ACTIONS === "true";
}
function annotation(d) {
  const prop = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
  const data = d.message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return `::${d.severity === "warning" ? "warning" : "error"} file=${prop(d.file)},line=${d.line},col=${d.col}::${data}`;
}
function diagnosticsJson(errors, warnings) {
  const strip = (d) => ({ file: d.file, line: d.line, col: d.col, message: d.message });
  return `${jsonText(JSON.stringify({ errors: errors.map(strip), warnings: warnings.map(strip) }, null, 2))}
`;
}

export {
  printDiagnostics,
  inGitHubActions,
  diagnosticsJson
};
