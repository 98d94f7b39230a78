// Secrets never go into git: any text in a desired-state file (values and comments alike) that looks
// like an OpenRouter key is an error. The message gives the position only, never the text.
import type { Diagnostic } from '../errors.js';
import type { SourceDoc } from './source.js';

/** `sk-or-` keys (e.g. sk-or-v1-<64 hex>); a long enough tail that prose mentioning the prefix is fine. */
const SECRET_LIKE = /sk-or-[A-Za-z0-9_-]{16,}/g;

export function scanForSecrets(docs: readonly SourceDoc[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of docs) {
    for (const match of source.text.matchAll(SECRET_LIKE)) {
      const pos = source.lineCounter.linePos(match.index ?? 0);
      out.push({
        severity: 'error',
        file: source.file,
        line: pos.line,
        col: pos.col,
        message:
          'this looks like an OpenRouter secret (sk-or-…); secrets must never be committed — remove it and rotate the key. ' +
          'New keys’ secrets go to the secrets sink.',
      });
    }
  }
  return out;
}
