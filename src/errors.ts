// Error types the CLI knows how to present. Anything else reaching the top level is an internal
// error (a bug), shown with a stack trace only under --verbose.

/** A user-facing failure: the message is complete and is printed as is, exit code 1. */
export class OradminError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

import { terminalText } from './untrusted.js';

export type Severity = 'error' | 'warning';

/** One finding about the desired-state file, located at the YAML node it concerns. */
export interface Diagnostic {
  severity: Severity;
  file: string;
  line: number;
  col: number;
  message: string;
  /** The lines around a syntax error, numbered, with a caret (printed under the message on a terminal). */
  frame?: string[];
}

/**
 * `file:line:col: message` on one line. Messages quote keys and values of the file (which may come
 * from a pull request) and names from the live organization: shown as terminal-safe text.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${terminalText(d.file)}:${d.line}:${d.col}: ${d.severity === 'warning' ? 'warning: ' : ''}${terminalText(d.message)}`;
}

/** Sorted by file, line and column so that output is stable and reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** The desired-state file has errors; all of them are carried, not just the first. */
export class ConfigError extends OradminError {
  readonly diagnostics: Diagnostic[];
  readonly warnings: Diagnostic[];
  constructor(diagnostics: Diagnostic[], warnings: Diagnostic[] = []) {
    const sorted = sortDiagnostics(diagnostics);
    super(sorted.map(formatDiagnostic).join('\n'));
    this.diagnostics = sorted;
    this.warnings = sortDiagnostics(warnings);
  }
}
