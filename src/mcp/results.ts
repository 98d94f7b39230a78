// Tool results. Structured content is data (JSON escapes what JSON must); text composed for people
// — diagnostics, diffs, messages that quote names from the file or the organization — goes through
// `terminalText`, so that no control or bidi character in a live name can act in a client's view
// (PRODUCT.md section 11). Failures are MCP tool errors (`isError`) with the CLI's own messages.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ConfigError, OradminError, formatDiagnostic, type Diagnostic } from '../errors.js';
import { jsonText, terminalText } from '../untrusted.js';
import { YamlEditError } from '../edit/yaml-text.js';

export interface DiagnosticJson {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return { file: d.file, line: d.line, col: d.col, message: d.message };
}

/**
 * A successful result: `data` as structured content and as JSON text (clients that show only text
 * still get it), then each of `texts` (a markdown plan, a diff) as its own text part. Fields named
 * in `shownAsText` stay in the structured content but are left out of the JSON text, which would
 * only repeat them.
 */
export function ok(data: Record<string, unknown>, texts: readonly string[] = [], shownAsText: readonly string[] = []): CallToolResult {
  const json = Object.fromEntries(Object.entries(data).filter(([k]) => !shownAsText.includes(k)));
  return {
    structuredContent: data,
    content: [{ type: 'text', text: jsonText(JSON.stringify(json, null, 2)) }, ...texts.filter((t) => t !== '').map((t) => ({ type: 'text' as const, text: t }))],
  };
}

/** A tool error: one message for people, and the same facts as data. */
export function failure(message: string, data: Record<string, unknown> = {}): CallToolResult {
  return { isError: true, structuredContent: { error: message, ...data }, content: [{ type: 'text', text: message }] };
}

/** Diagnostics as the CLI prints them, one `file:line:col: message` per line, safe to show. */
export function diagnosticLines(errors: readonly Diagnostic[], warnings: readonly Diagnostic[] = []): string {
  return [...errors, ...warnings].map((d) => terminalText(formatDiagnostic(d))).join('\n');
}

/** Any failure of a tool as the CLI would report it. */
export function errorResult(err: unknown): CallToolResult {
  if (err instanceof ConfigError) {
    const n = err.diagnostics.length;
    return failure(`${n} error${n === 1 ? '' : 's'} in the desired-state file:\n${diagnosticLines(err.diagnostics, err.warnings)}`, {
      errors: err.diagnostics.map(diagnosticJson),
      warnings: err.warnings.map(diagnosticJson),
    });
  }
  if (err instanceof OradminError || err instanceof YamlEditError) return failure(terminalText(err.message));
  const e = err instanceof Error ? err : new Error(String(err));
  return failure(`internal error: ${terminalText(e.message)}\nThis is a bug in oradmin; the server's log (stderr) has the stack trace. Please report it.`);
}
