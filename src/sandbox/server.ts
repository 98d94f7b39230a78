// The HTTP side: node:http under /api/v1, with latency, rate limiting and fault injection
// decided before routing to a handler, bearer auth, JSON in and out, and the API's error body
// {"error": {"code", "message"}} for every failure (shared/openrouter-api/README.md, "Errors").
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from './api-error.js';
import type { FaultInjector } from './faults.js';
import type { TokenBucket } from './rate-limit.js';
import type { InjectedFault, RequestLog } from './request-log.js';
import type { Rng } from './rng.js';
import { Router, type RouteMatch, type RouteResult } from './router.js';
import { ROUTES } from './routes/index.js';
import type { RequestValidator } from './openapi/request-validator.js';
import type { Store } from './state/store.js';

export const API_PREFIX = '/api/v1';
const MAX_BODY_BYTES = 1024 * 1024;

/** What the server reads on every request; index.ts changes it at runtime. */
export interface ServerSettings {
  state: Store;
  managementKey: string;
  faults: FaultInjector;
  rateLimit: TokenBucket | null;
  latency: { ms: number; jitterMs: number };
  jitterRng: Rng;
  log: RequestLog;
  /** Called after each successful write (persistence). */
  onCommit: (() => void) | null;
  /** Called with every response sent (not with resets or dropped responses). */
  onResponse: ((response: SentResponse) => void) | null;
}

/** A response as it left the sandbox, for observers such as the tests' response check. */
export interface SentResponse {
  /** The document's operationId of the route; null for an unknown route. */
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  body: unknown;
  /** Set when the sandbox injected this response (a fault or its own rate limit). */
  injected: boolean;
}

export class SandboxServer {
  private readonly http: Server;
  private readonly router = new Router(ROUTES);
  private readonly closing = new AbortController();

  constructor(private readonly settings: ServerSettings) {
    // A failure outside the handlers (a bug, a persistence error) must not leave the client hanging.
    this.http = createServer((req, res) => {
      this.handle(req, res).catch(() => resetConnection(req.socket));
    });
  }

  async listen(port: number, host: string): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    // Loads the validator in the background: a client that takes a moment to send its first
    // request (a CLI starting up) finds it ready; one that sends at once waits for it as before.
    requestValidator().catch(() => undefined);
    return this.http.address() as AddressInfo;
  }

  /** Stops at once: pending latencies are cut short and open connections destroyed. */
  async close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const { log } = this.settings;
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const match = url.pathname.startsWith(`${API_PREFIX}/`)
      ? this.router.match(method, url.pathname.slice(API_PREFIX.length))
      : undefined;
    const operationId = match?.route.operationId ?? null;
    const respond = (result: RouteResult, headers: Record<string, string> = {}, injected = false): void => {
      const text = send(res, result, headers);
      const observe = this.settings.onResponse;
      // The body as it travelled, parsed again: what a client receives, not the object it came from.
      if (text !== null && observe) {
        observe({ operationId, method, path: url.pathname, status: result.status, body: JSON.parse(text), injected });
      }
    };
    const finish = (status: number | null, fault: InjectedFault | null): void =>
      log.record({
        method,
        path: url.pathname,
        operationId,
        status,
        ms: Math.round(performance.now() - started),
        fault,
      });

    // The configured latency is the time from request to answer, the sandbox's own work inside it:
    // the request is handled half-way through, the answer leaves at the end. Handling it only once
    // the whole latency had passed added that work to every request — serialized, since eight
    // requests sent together all came due together — so a page took 50 ms + its turn in the queue.
    const wait = this.latencyMs();
    const due = started + wait;
    if (!(await this.waitFor(wait / 2))) {
      resetConnection(req.socket);
      return;
    }
    const outcome = await this.decide(req, url, match, method);
    // The answer leaves when the latency is over; a server that closed meanwhile resets instead.
    const open = await this.waitFor(due - performance.now());
    if (outcome.reset) {
      resetConnection(req.socket);
      return finish(outcome.status, outcome.fault);
    }
    if (!open) return resetConnection(req.socket);
    respond(outcome.result, outcome.headers, outcome.fault !== null);
    finish(outcome.result.status, outcome.fault);
  }

  /**
   * What a request gets, decided (and, for a write, committed) half-way through its latency: the
   * sandbox's rate limit, an injected fault, or the route's answer — or a connection reset.
   */
  private async decide(req: IncomingMessage, url: URL, match: RouteMatch | undefined, method: string): Promise<Outcome> {
    const { faults } = this.settings;
    const operationId = match?.route.operationId ?? null;
    const bucket = this.settings.rateLimit?.take();
    if (bucket && !bucket.ok) {
      return { reset: false, result: errorResult(429, 'Rate limit exceeded'), headers: { 'retry-after': String(bucket.retryAfterSeconds) }, fault: 'rate-limit' };
    }
    const fault = faults.pick(operationId);
    if (fault?.kind === 'reset') return { reset: true, status: null, fault: 'reset' };
    if (fault) {
      const headers: Record<string, string> =
        fault.status === 429 ? { 'retry-after': String(faults.config.retryAfterSeconds) } : {};
      return { reset: false, result: errorResult(fault.status, `Injected fault: ${INJECTED_MESSAGES[fault.status]}`), headers, fault: String(fault.status) as InjectedFault };
    }
    const result = await this.dispatch(req, url, match);
    if (result.status < 300) {
      if (method !== 'GET') this.settings.onCommit?.();
      // The write is committed; the client never learns it (a lost response).
      if (faults.takeDrop(operationId)) return { reset: true, status: result.status, fault: 'drop-after-commit' };
    }
    return { reset: false, result, headers: {}, fault: null };
  }

  /** This request's latency: the configured one, plus jitter. */
  private latencyMs(): number {
    const { ms, jitterMs } = this.settings.latency;
    return ms + (jitterMs > 0 ? this.settings.jitterRng() * jitterMs : 0);
  }

  /** Waits `ms` (nothing when not positive); false when the server closed meanwhile. */
  private async waitFor(ms: number): Promise<boolean> {
    if (ms >= 1) {
      try {
        await sleep(ms, undefined, { signal: this.closing.signal });
      } catch {
        return false;
      }
    }
    return !this.closing.signal.aborted;
  }

  private async dispatch(req: IncomingMessage, url: URL, match: RouteMatch | undefined): Promise<RouteResult> {
    try {
      if (!match) throw new ApiError(404, `No route for ${req.method} ${url.pathname}`);
      if (!match.route.public) this.authenticate(req.headers.authorization);
      const body = req.method === 'GET' || req.method === 'DELETE' ? undefined : await readJson(req);
      const raw = { params: match.params, query: Object.fromEntries(url.searchParams), body };
      const checked = (await requestValidator()).check(match.route.operationId, raw);
      return match.route.handler({ state: this.settings.state, ...checked, managementKey: this.settings.managementKey });
    } catch (err) {
      if (err instanceof ApiError) return errorResult(err.status, err.message);
      return errorResult(500, `Internal sandbox error: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private authenticate(header: string | undefined): void {
    if (!header) throw new ApiError(401, 'Missing Authentication header');
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !sameSecret(match[1] as string, this.settings.managementKey)) {
      throw new ApiError(401, 'Invalid credentials: the bearer token is not the management key');
    }
  }
}

/** How a request ends: an answer (injected when `fault` is set), or a reset connection. */
type Outcome =
  | { reset: false; result: RouteResult; headers: Record<string, string>; fault: InjectedFault | null }
  | { reset: true; status: number | null; fault: InjectedFault };

let validator: Promise<RequestValidator> | undefined;

/**
 * Loaded on the first request, not at start: a sandbox starts in every test and most of them
 * send a few requests; ajv and the document then cost once per process.
 */
function requestValidator(): Promise<RequestValidator> {
  validator ??= import('./openapi/request-validator.js').then((m) => m.requestValidator());
  return validator;
}

const INJECTED_MESSAGES: Record<429 | 500 | 502 | 503, string> = {
  429: 'Rate limit exceeded',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function errorResult(status: number, message: string): RouteResult {
  return { status, body: { error: { code: status, message } } };
}

/** Compares digests so that the time taken does not depend on where the strings differ. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, `Malformed JSON body: ${(err as Error).message}`);
  }
}

/** The body's text as sent; null when the connection was already gone. */
function send(res: ServerResponse, result: RouteResult, headers: Record<string, string> = {}): string | null {
  if (res.destroyed) return null;
  const text = JSON.stringify(result.body);
  res.writeHead(result.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
  return text;
}

/** A TCP reset, as a proxy or a crashed server produces it: no status, no body. */
function resetConnection(socket: Socket): void {
  if (!socket.destroyed) socket.resetAndDestroy();
}
