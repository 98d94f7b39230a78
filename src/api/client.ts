// The one HTTP client of oradmin: undici over a keep-alive pool, bearer auth, JSON in and out, a
// per-request timeout, and every request through the shared gate (rate-limit.ts), the retry layer
// (retry.ts) and the redactor (redact.ts). Requests are validated before they are sent (strict
// zod request schemas) and responses are parsed tolerantly (loose schemas: unknown fields pass
// through, a missing required field is an error naming the endpoint) — shared/openrouter-api/README.md.
import { Pool } from 'undici';
import { OradminError } from '../errors.js';
import type { HttpMethod, RequestSpec } from './request-spec.js';
import { VERSION } from '../version.js';
import { AmbiguousWriteError, ApiError, type ApiErrorInit } from './errors.js';
import { DEFAULT_RATE_LIMIT, RequestGate, type RateLimitOptions } from './rate-limit.js';
import { Redactor } from './redact.js';
import {
  DEFAULT_RETRY_POLICY,
  realRetryEnv,
  retryModeFor,
  runWithRetry,
  transportCodeOf,
  transportFailure,
  type AttemptFailure,
  type AttemptResult,
  type RetryEnv,
  type RetryPolicy,
} from './retry.js';

export const DEFAULT_API_URL = 'https://openrouter.ai/api/v1';
/** Generous for a page of 100 objects; a hung connection still fails (and is retried) in bounded time. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * The largest response body read. A page of 100 objects is tens of kilobytes and the model catalog
 * a few megabytes; a body past this is a misbehaving server, refused before it exhausts memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Answers above this size yield to pending I/O before they are parsed (about a tenth of a full page of keys). */
const YIELD_BEFORE_PARSING_BYTES = 4 * 1024;

export type { HttpMethod, QueryValue, RequestSpec } from './request-spec.js';

/** What the paginator and the reader need of a client: one generic request. */
export interface Requester {
  request<T = unknown>(spec: RequestSpec<T>): Promise<T>;
}

export interface ClientStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Requests sent per operationId, retries included. */
  byOperation: Record<string, number>;
  retries: number;
  /** The most requests that were in flight at once. */
  peakInFlight: number;
}

export interface ClientTuning {
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  rateLimit?: Partial<RateLimitOptions>;
  /** Clock, sleep and randomness of the retry layer and the rate limiter (tests). */
  clock?: Partial<RetryEnv>;
  /** How long an idle connection is kept open for reuse. */
  keepAliveTimeoutMs?: number;
  /** Responses larger than this are refused (default DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
}

export interface ClientOptions extends ClientTuning {
  /** Already checked by `resolveBaseUrl`. */
  baseUrl: URL;
  /** Where the base URL and the key came from, named in error hints (errors.ts). */
  origin?: { baseUrlSource: string; credentialVariable: string };
  managementKey: string;
  /** `--verbose` sink: receives one redacted line per attempt and per retry. */
  verbose?: (line: string) => void;
}

export class ApiClient implements Requester {
  readonly baseUrl: URL;
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly redactor: Redactor;
  private readonly gate: RequestGate;
  private readonly policy: RetryPolicy;
  private readonly env: RetryEnv;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly headers: Record<string, string>;
  private readonly verbose: ((line: string) => void) | undefined;
  private readonly counters = { requests: 0, retries: 0, byOperation: new Map<string, number>() };
  private readonly origin: { baseUrlSource: string; credentialVariable: string };
  private closed = false;
  private writesInFlight = 0;
  /** Answers of prefetched GETs not yet taken, by operation, method and target. */
  private readonly early = new Map<string, Promise<string>>();

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl;
    this.basePath = options.baseUrl.pathname.replace(/\/+$/, '');
    this.origin = options.origin ?? { baseUrlSource: 'the client options', credentialVariable: MANAGEMENT_KEY_VARIABLE };
    this.redactor = new Redactor([options.managementKey]);
    this.env = { ...realRetryEnv, ...options.clock };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const limits = { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
    this.gate = new RequestGate(limits, this.env);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.verbose = options.verbose;
    // One connection per request in flight: the gate never lets more through.
    this.pool = new Pool(options.baseUrl.origin, {
      connections: limits.maxInFlight,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      connect: { timeout: Math.min(this.timeoutMs, 10_000) },
    });
    this.headers = {
      authorization: `Bearer ${options.managementKey}`,
      'user-agent': `oradmin/${VERSION}`,
      accept: 'application/json',
    };
  }

  /** Removes `secret` from every later log line and error message (e.g. a key secret just created). */
  registerSecret(secret: string): void {
    this.redactor.add(secret);
  }

  /** The client's redaction, for callers that print something derived from API data. */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  stats(): ClientStats {
    return {
      requests: this.counters.requests,
      byOperation: Object.fromEntries(this.counters.byOperation),
      retries: this.counters.retries,
      peakInFlight: this.gate.peakInFlight,
    };
  }

  /**
   * Ends the client. Reads still in flight are abandoned, not awaited: they are pages asked for
   * ahead past the end of a list (paginate.ts), whose answers nobody needs, and waiting for them cost
   * a round trip at the end of every large plan. Writes in flight are awaited.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.writesInFlight === 0) await this.pool.destroy();
    else await this.pool.close();
  }

  async request<T = unknown>(spec: RequestSpec<T>): Promise<T> {
    const target = spec.path + queryString(spec.query);
    const errorBase = this.errorBase(spec, target);
    const redact = (s: string): string => this.redactor.redact(s);

    let payload: string | undefined;
    if (spec.body !== undefined) {
      if (spec.bodySchema) {
        const checked = spec.bodySchema.safeParse(spec.body);
        if (!checked.success) {
          throw new ApiError({ ...errorBase, detail: `request not sent, its body is invalid: ${describeIssues(checked.error.issues)}` }, redact);
        }
      }
      payload = JSON.stringify(spec.body);
    }

    // A page plan sent before this reader was loaded (prefetch): its answer, retries and all.
    const key = earlyKey(spec.operation, spec.method, target);
    const early = this.early.get(key);
    if (early) this.early.delete(key);
    const retrying = early ?? this.send(spec, target, payload, errorBase);
    let text: string;
    try {
      text = await retrying;
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      throw this.badResponse(spec, errorBase, `the response is larger than ${this.maxResponseBytes} bytes, more than any answer of the management API; it was not read`);
    }
    // A page of 100 objects takes milliseconds to parse and check. Let the requests this answer's
    // slot admitted go on the wire first: parsing several pages in a row otherwise holds them back,
    // and the link idles while the CPU works (a 10k-key plan's reads: in flight dipped to 0–2 of 8).
    if (text.length > YIELD_BEFORE_PARSING_BYTES) await afterPendingWrites();

    let json: unknown;
    try {
      json = parseJson(text);
    } catch {
      throw this.badResponse(spec, errorBase, 'the response is not JSON');
    }
    // Without a schema the caller takes the JSON unchecked (e.g. a write whose answer it ignores).
    if (!spec.responseSchema) return json as T;
    const parsed = spec.responseSchema.safeParse(json);
    if (!parsed.success) {
      throw this.badResponse(spec, errorBase, `the response does not match the API reference: ${describeIssues(parsed.error.issues)}`);
    }
    return parsed.data;
  }

  /**
   * Sends a GET now, before its reader exists: the first request with the same operation and target
   * takes its answer (or its failure, after the same retries) instead of sending again. Plan sends
   * its first pages this way (list-requests.ts) while the rest of its modules load.
   */
  prefetch(spec: RequestSpec): void {
    const target = spec.path + queryString(spec.query);
    const key = earlyKey(spec.operation, spec.method, target);
    if (spec.method !== 'GET' || this.early.has(key)) return;
    const sending = this.send(spec, target, undefined, this.errorBase(spec, target));
    sending.catch(() => undefined); // its reader reports the failure
    this.early.set(key, sending);
  }

  private errorBase(spec: RequestSpec<unknown>, target: string): ApiErrorInit {
    const endpoint = {
      url: `${this.baseUrl.origin}${this.basePath}${spec.path}`,
      baseUrl: `${this.baseUrl.origin}${this.basePath}`,
      ...this.origin,
    };
    return { operation: spec.operation, method: spec.method, path: target, address: spec.address, endpoint };
  }

  /** One request through the retry layer: the body of the answer, or the error to throw. */
  private send(spec: RequestSpec<unknown>, target: string, payload: string | undefined, errorBase: ApiErrorInit): Promise<string> {
    const redact = (s: string): string => this.redactor.redact(s);
    const mode = spec.retry ?? retryModeFor(spec.method, spec.operation);
    return runWithRetry(() => this.attempt(spec, target, payload), {
      mode,
      method: spec.method,
      policy: this.policy,
      env: this.env,
      onRetry: (info) => {
        this.counters.retries++;
        // A 429 is the server's limit for all our requests: hold back the ones not yet sent too.
        if (info.failure.kind === 'status' && info.failure.status === 429) this.gate.pauseFor(info.delayMs);
        this.log(`retry ${info.retry} of ${spec.method} ${target} after ${info.delayMs}ms (${info.reason})`);
      },
      giveUp: ({ failure, error, attempts, ambiguous }) => {
        const init: ApiErrorInit = { ...errorBase, attempts, ...failureFields(failure, error) };
        return ambiguous ? new AmbiguousWriteError(init, redact) : new ApiError(init, redact);
      },
    });
  }

  /** A 2xx whose body we cannot use. After a creation the object exists: the caller must resolve it. */
  private badResponse(spec: RequestSpec<unknown>, base: ApiErrorInit, detail: string): ApiError {
    const redact = (s: string): string => this.redactor.redact(s);
    const mode = spec.retry ?? retryModeFor(spec.method, spec.operation);
    return mode === 'create' ? new AmbiguousWriteError({ ...base, detail }, redact) : new ApiError({ ...base, detail }, redact);
  }

  /** One attempt: through the gate, one HTTP exchange, the body read whole. */
  private async attempt(spec: RequestSpec<unknown>, target: string, payload: string | undefined): Promise<AttemptResult<string>> {
    if (this.closed) throw new ClientClosed(spec);
    const release = await this.gate.enter();
    const write = spec.method !== 'GET';
    if (write) this.writesInFlight++;
    this.counters.requests++;
    this.counters.byOperation.set(spec.operation, (this.counters.byOperation.get(spec.operation) ?? 0) + 1);
    const started = this.env.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const res = await this.pool.request({
        method: spec.method,
        path: this.basePath + target,
        headers: payload === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
        body: payload ?? null,
        signal: controller.signal,
      });
      const text = await readBounded(res.body, this.maxResponseBytes);
      this.log(`${spec.method} ${target} ${res.statusCode} ${this.env.now() - started}ms`);
      if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true, value: text };
      const retryAfter = res.headers['retry-after'];
      const failure: AttemptFailure = {
        kind: 'status',
        status: res.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      };
      return { ok: false, failure, error: new HttpStatusError(res.statusCode, await apiMessageOf(text)) };
    } catch (err) {
      if (err instanceof BodyTooLarge) throw err;
      // Abandoned by close(): not a failure to retry, and no backoff timer may keep the process up.
      if (this.closed) throw new ClientClosed(spec);
      const code = timedOut ? 'TIMEOUT' : transportCodeOf(err);
      this.log(`${spec.method} ${target} ${code} ${this.env.now() - started}ms`);
      return { ok: false, failure: transportFailure(code), error: err instanceof Error ? err : new Error(String(err)) };
    } finally {
      clearTimeout(timer);
      if (write) this.writesInFlight--;
      release();
    }
  }

  private log(line: string): void {
    this.verbose?.(this.redactor.redact(line));
  }
}

/**
 * Two turns of the check phase. undici writes a request on a kept-alive connection only from an
 * immediate of its own, queued while the answer before it was read: it first lets the event loop
 * see whether the server closed that idle socket (its check against request smuggling). Parsing in
 * the first turn ran ahead of those writes: with eight answers come together, the next eight
 * requests waited for all eight parses, and for the file's checks queued between them.
 */
function afterPendingWrites(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** A request after close(), or one close() abandoned: thrown past the retry layer. */
class ClientClosed extends Error {
  constructor(spec: RequestSpec<unknown>) {
    super(`${spec.method} ${spec.path} (${spec.operation}) was abandoned: the client was closed`);
  }
}

/** A body past the limit: not a transient failure, so it is thrown past the retry layer. */
class BodyTooLarge extends Error {}

async function readBounded(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new BodyTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** A non-2xx answer, carried from the attempt to the error the client throws. */
class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly apiMessage: string | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

function failureFields(failure: AttemptFailure, error: Error): Partial<ApiErrorInit> {
  if (failure.kind === 'transport') return { code: failure.code };
  return { status: failure.status, apiMessage: error instanceof HttpStatusError ? error.apiMessage : undefined };
}

/**
 * The message of the API's error body `{"error": {"code", "message"}}` (README, "Errors and
 * limits"); a short non-JSON body (a proxy's page) is kept as text.
 */
async function apiMessageOf(text: string): Promise<string | undefined> {
  try {
    // Loaded on the first failure only: the schemas (zod) are most of what a command loads, and
    // plan's first requests leave before them (prefetch).
    const { ErrorResponse } = await import('./schemas.js');
    const body = ErrorResponse.safeParse(JSON.parse(text));
    if (body.success) return body.data.error.message;
  } catch {
    // not JSON
  }
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}

function earlyKey(operation: string, method: HttpMethod, target: string): string {
  return `${operation} ${method} ${target}`;
}

function parseJson(text: string): unknown {
  return text.trim() === '' ? undefined : JSON.parse(text);
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A path with its `{name}` parameters encoded: `pathOf('/keys/{hash}', { hash })`. */
export function pathOf(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pathOf: no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

/**
 * The management API's base URL: `--api-url`, else `OPENROUTER_API_URL`, else OpenRouter's
 * (PRODUCT.md section 2). Plain http is refused unless the host is loopback: the management key
 * travels in every request's Authorization header.
 */
export function resolveBaseUrl(apiUrl: string | undefined, env: NodeJS.ProcessEnv): URL {
  return resolveBaseUrlWithSource(apiUrl, env).url;
}

/** As `resolveBaseUrl`, saying where the URL came from (for hints). */
export function resolveBaseUrlWithSource(apiUrl: string | undefined, env: NodeJS.ProcessEnv): { url: URL; source: string } {
  const fromFlag = apiUrl !== undefined && apiUrl !== '';
  const fromEnv = !fromFlag && env.OPENROUTER_API_URL !== undefined && env.OPENROUTER_API_URL !== '';
  const raw = fromFlag ? apiUrl : fromEnv ? (env.OPENROUTER_API_URL as string) : DEFAULT_API_URL;
  const source = fromFlag ? '--api-url' : fromEnv ? 'OPENROUTER_API_URL' : 'the default API URL';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OradminError(`${source} "${raw}" is not a URL (expected e.g. ${DEFAULT_API_URL})`);
  }
  if (url.username || url.password) {
    throw new OradminError(`${source} must not contain credentials; the management key comes from OPENROUTER_MANAGEMENT_KEY`);
  }
  if (url.search || url.hash) throw new OradminError(`${source} "${raw}" must not have a query or fragment`);
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new OradminError(
        `${source} "${raw}" uses plain http:// to a non-loopback host, which would send the management key unencrypted; use https:// (http:// is allowed only for localhost, 127.0.0.0/8 and [::1])`,
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new OradminError(`${source} "${raw}" must be an https:// URL`);
  }
  return { url, source };
}

/** localhost, 127.0.0.0/8 or ::1 (URL gives IPv6 hosts in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255) && v4[1] === '127';
}

export const MANAGEMENT_KEY_VARIABLE = 'OPENROUTER_MANAGEMENT_KEY';
/** The older name of the same credential (the reference calls it a provisioning key too). */
export const PROVISIONING_KEY_VARIABLE = 'OPENROUTER_PROVISIONING_KEY';

export interface ClientFromEnvOptions extends ClientTuning {
  /** `--api-url`, when given. */
  apiUrl?: string;
  env: NodeJS.ProcessEnv;
  verbose?: (line: string) => void;
}

/** A client for the command line: credentials only from the environment (PRODUCT.md section 2). */
export function createClientFromEnv(options: ClientFromEnvOptions): ApiClient {
  const { apiUrl, env, verbose, ...tuning } = options;
  const { url: baseUrl, source: baseUrlSource } = resolveBaseUrlWithSource(apiUrl, env);
  const managementKey = requireManagementKey(env);
  const credentialVariable = nonEmpty(env[MANAGEMENT_KEY_VARIABLE]) !== undefined ? MANAGEMENT_KEY_VARIABLE : PROVISIONING_KEY_VARIABLE;
  return new ApiClient({ baseUrl, managementKey, origin: { baseUrlSource, credentialVariable }, ...(verbose ? { verbose } : {}), ...tuning });
}

/** The management key of the environment, or the one-line error naming the variable. */
export function requireManagementKey(env: NodeJS.ProcessEnv): string {
  const key = managementKeyFrom(env);
  if (key === undefined) {
    throw new OradminError(
      `${MANAGEMENT_KEY_VARIABLE} is not set: export your organization's management key in it (alias ${PROVISIONING_KEY_VARIABLE})`,
    );
  }
  return key;
}

/** The management key of the environment, when set (PRODUCT.md section 2: credentials come only from there). */
export function managementKeyFrom(env: NodeJS.ProcessEnv): string | undefined {
  return nonEmpty(env[MANAGEMENT_KEY_VARIABLE]) ?? nonEmpty(env[PROVISIONING_KEY_VARIABLE]);
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
