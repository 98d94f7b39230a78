// Presenting findings about the desired-state file: `file:line:col: message` on stderr, and, inside
// GitHub Actions, workflow annotations so that each error shows on its line of the pull request.
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import type { Io } from './context.js';
import { jsonText, terminalText } from '../untrusted.js';

export function printDiagnostics(io: Io, errors: readonly Diagnostic[], warnings: readonly Diagnostic[], opts: { annotations: boolean }): void {
  for (const d of [...errors, ...warnings]) {
    io.stderr.write(`${formatDiagnostic(d)}\n`);
    // The file's own lines (possibly from a pull request): shown as text, indented under the message.
    for (const line of d.frame ?? []) io.stderr.write(`    ${terminalText(line)}\n`);
  }
  if (opts.annotations) {
    for (const d of [...errors, ...warnings]) io.stdout.write(`${annotation(d, io.env.GITHUB_WORKSPACE)}\n`);
  }
}

export function inGitHubActions(io: Io): boolean {
  return io.env.GITHUB_ACTIONS === 'true';
}

/**
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 * The file is named relative to the repository root (GITHUB_WORKSPACE), which is what GitHub
 * matches against the pull request's diff — also when oradmin runs in a subdirectory.
 */
export function annotation(d: Diagnostic, workspace?: string): string {
  const file = workspace ? path.relative(workspace, path.resolve(d.file)).split(path.sep).join('/') : d.file;
  const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = d.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${d.severity === 'warning' ? 'warning' : 'error'} file=${prop(file)},line=${d.line},col=${d.col}::${data}`;
}

export function diagnosticsJson(errors: readonly Diagnostic[], warnings: readonly Diagnostic[]): string {
  const strip = (d: Diagnostic) => ({ file: d.file, line: d.line, col: d.col, message: d.message });
  return `${jsonText(JSON.stringify({ errors: errors.map(strip), warnings: warnings.map(strip) }, null, 2))}\n`;
}
