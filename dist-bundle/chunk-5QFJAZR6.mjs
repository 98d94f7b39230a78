import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  terminalText
} from "./chunk-7BIV6K7H.mjs";

// src/errors.ts
var OradminError = class extends Error {
  exitCode = 1;
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
};
function formatDiagnostic(d) {
  return `${terminalText(d.file)}:${d.line}:${d.col}: ${d.severity === "warning" ? "warning: " : ""}${terminalText(d.message)}`;
}
function sortDiagnostics(list) {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
var ConfigError = class extends OradminError {
  diagnostics;
  warnings;
  constructor(diagnostics, warnings = []) {
    const sorted = sortDiagnostics(diagnostics);
    super(sorted.map(formatDiagnostic).join("\n"));
    this.diagnostics = sorted;
    this.warnings = sortDiagnostics(warnings);
  }
};

export {
  OradminError,
  formatDiagnostic,
  sortDiagnostics,
  ConfigError
};
