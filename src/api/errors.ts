// Errors of the API layer. They are user-facing (OradminError: the CLI prints the message and exits
// 1), so the message is one human line that says which call failed, for which object and why —
// e.g. `POST /keys (createKeys) for key.default/ci-bot failed: 400 expires_at must be in the future`.
// Every string field is redacted before it is stored (redact.ts), because an API error body may
// echo the request back, secrets included.
import { OradminError } from '../errors.js';
import { redactSecrets } from './redact.js';
import { terminalText } from '../untrusted.js';

export interface ApiErrorInit {
  /** operationId from the reference, e.g. `createKeys`. */
  operation: string;
  method: string;
  /** Path without the base URL, e.g. `/keys/abc`; a query string may follow. */
  path: string;
  /** HTTP status; undefined when no response arrived (connection reset, timeout, refused). */
  status?: number;
  /** `error.message` of the API's error body `{"error": {"code", "message"}}`, when there was one. */
  apiMessage?: string;
  /** Transport failure code (ECONNRESET, UND_ERR_SOCKET, timeout, …) when no response arrived. */
  code?: string;
  /** The oradmin address of the object concerned, e.g. `key.default/ci-bot`. */
  address?: string;
  /** Attempts made, retries included. */
  attempts?: number;
  /** What went wrong when it is neither an HTTP status nor a transport code (e.g. a bad response body). */
  detail?: string;
  /** Where the request went and why there (for the hint): never carries the key. */
  endpoint?: EndpointContext;
}

/** The base URL and credential in use, named in the hints for the common failures. */
export interface EndpointContext {
  /** Origin and path of the request, e.g. `https://openrouter.ai/api/v1/keys` (no query). */
  url: string;
  /** The base URL as resolved, e.g. `https://openrouter.ai/api/v1`. */
  baseUrl: string;
  /** Where the base URL came from: `--api-url`, `OPENROUTER_API_URL`, or `the default API URL`. */
  baseUrlSource: string;
  /** The environment variable the management key came from. */
  credentialVariable: string;
}

/** Redacts the fields; the caller passes its Redactor's function so runtime secrets are removed too. */
export type RedactFn = (text: string) => string;

export class ApiError extends OradminError {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly apiMessage: string | undefined;
  readonly code: string | undefined;
  readonly address: string | undefined;
  readonly attempts: number;
  /** The request's URL (origin and path, no query, never the key), when the client knew it. */
  readonly url: string | undefined;
  /** What usually causes this failure and what to do, when there is a common cause. */
  readonly hint: string | undefined;

  constructor(init: ApiErrorInit, redact: RedactFn = redactSecrets, suffix = '') {
    const r = (s: string | undefined): string | undefined => (s === undefined ? undefined : redact(oneLine(s)));
    const path = r(init.path) ?? '';
    const apiMessage = r(init.apiMessage);
    const address = r(init.address);
    const hint = init.endpoint ? hintFor(init) : undefined;
    super(redact(composeMessage({ ...init, path, apiMessage, address, detail: r(init.detail) }) + suffix + (hint ? `. Hint: ${hint}` : '')));
    this.url = init.endpoint ? redact(init.endpoint.url) : undefined;
    this.hint = hint === undefined ? undefined : redact(hint);
    this.operation = init.operation;
    this.method = init.method;
    this.path = path;
    this.status = init.status;
    this.apiMessage = apiMessage;
    this.code = init.code;
    this.address = address;
    this.attempts = init.attempts ?? 1;
  }
}

/**
 * A creation call (`createKeys`, `createGuardrail`, `createWorkspace`) failed after the request may
 * have reached the server: the server may have committed it. The API has no idempotency token
 * (shared/openrouter-api/README.md, "Keys"), so the client does not repeat it; the caller resolves
 * it (PRODUCT.md section 4: find the object by a nonce in its name, then finish or remove it).
 */
export class AmbiguousWriteError extends ApiError {
  constructor(init: ApiErrorInit, redact: RedactFn = redactSecrets) {
    super(init, redact, ' — the server may have committed the write; it was not repeated');
  }
}

function composeMessage(e: ApiErrorInit): string {
  const where = e.endpoint ? `${e.method} ${e.endpoint.url}${e.path.includes('?') ? `?${e.path.split('?')[1]}` : ''}` : `${e.method} ${e.path}`;
  const what = `${where} (${e.operation})${e.address ? ` for ${e.address}` : ''}`;
  const why: string[] = [];
  if (e.status !== undefined) why.push(String(e.status));
  if (e.code !== undefined) why.push(describeCode(e.code));
  if (e.apiMessage) why.push(e.apiMessage);
  if (e.detail) why.push(e.detail);
  if (why.length === 0) why.push('unknown failure');
  const attempts = e.attempts !== undefined && e.attempts > 1 ? ` (after ${e.attempts} attempts)` : '';
  return `${what} failed: ${why.join(' ')}${attempts}`;
}

const CODE_TEXT: Record<string, string> = {
  ECONNRESET: 'connection reset by the server',
  ECONNREFUSED: 'connection refused',
  UND_ERR_SOCKET: 'connection closed by the server',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response',
  TIMEOUT: 'request timed out',
};

function describeCode(code: string): string {
  const text = CODE_TEXT[code];
  return text ? `${text} (${code})` : code;
}

/**
 * Error messages are one line of visible text: the API's message is untrusted (it may echo names
 * from the organization), so line breaks fold to spaces and other controls are shown escaped.
 */
function oneLine(text: string): string {
  return terminalText(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** Transport failures that mean the base URL does not lead to a server. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);

/**
 * The common causes, in the words a user needs (issue 15): which variable holds a key that was
 * refused and what kind of key is needed; which base URL could not be reached and where it came
 * from; a base URL without /api/v1, which answers 404 on every route.
 */
function hintFor(e: ApiErrorInit): string | undefined {
  const ep = e.endpoint!;
  if (e.status === 401) {
    return (
      `the key in ${ep.credentialVariable} was not accepted by ${ep.baseUrl}: it must be a management key ` +
      '(OpenRouter → Settings → Management keys), not an inference key, and not revoked'
    );
  }
  if (e.status === 403) {
    return (
      `the management key in ${ep.credentialVariable} may not do this: it must belong to the organization, ` +
      "and workspace budgets need OpenRouter's Enterprise plan"
    );
  }
  if (e.code !== undefined && UNREACHABLE.has(e.code)) {
    return `nothing answered at ${ep.baseUrl} (from ${ep.baseUrlSource}); check its host and port (OpenRouter's is https://openrouter.ai/api/v1)`;
  }
  const listing = e.method === 'GET' && !/\/[0-9a-f-]{20,}|\/keys\/[^/?]+/.test(e.path);
  if (e.status === 404 && listing && !/\/api\/v1\/?$/.test(new URL(ep.baseUrl).pathname)) {
    return `the base URL ${ep.baseUrl} (from ${ep.baseUrlSource}) does not end in /api/v1, where the management API lives (e.g. https://openrouter.ai/api/v1)`;
  }
  return undefined;
}
