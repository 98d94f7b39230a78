// The one redaction point of the API layer (STYLE.md, "one redaction point"). Every log line and
// every error message the client produces passes through a Redactor before it leaves the client,
// so that neither the management key nor a key secret ever reaches stdout, stderr, a log or a
// plan (PRODUCT.md section 5: "Neither a created secret nor the management key ever appears in any
// output at any verbosity").
//
// Two mechanisms, because neither alone is enough:
// - a pattern for OpenRouter secrets (`sk-or-…`, e.g. `sk-or-v1-<64 hex>`), which catches a
//   secret we were never told about, e.g. one a 4xx body echoes back from the request;
// - literal secrets registered at runtime: the management key (whose format we do not control —
//   the sandbox and proxies may use any string) and each freshly created key's secret.

/** What a removed secret is replaced with. Short and recognisable in a log. */
export const REDACTED = '[REDACTED]';

/**
 * `sk-or-` followed by the secret's body. OpenRouter's secrets are `sk-or-v1-` and hex; the body
 * class is wider (letters, digits, `-`, `_`) so that a future format is still caught whole.
 */
const SECRET_PATTERN = /sk-or-[A-Za-z0-9_-]*/g;

export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.add(s);
  }

  /**
   * Registers a secret to remove from every later line. Its URL-encoded form too, since paths
   * and query strings are logged encoded. An empty string is ignored (it would match anywhere).
   */
  add(secret: string): void {
    if (secret.length === 0) return;
    this.secrets.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) this.secrets.add(encoded);
  }

  /** The text with every registered secret and every `sk-or-…` string replaced. */
  redact(text: string): string {
    let out = text;
    // Longest first, so that a secret containing another registered one is removed whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    return out.replace(SECRET_PATTERN, REDACTED);
  }
}

/** Pattern-only redaction, for text produced where no Redactor is at hand. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, REDACTED);
}
