// The only retry layer (STYLE.md: "one retry layer, used by everything"). It decides, per failed
// attempt, whether to try again and after how long; the client supplies the attempt.
//
// What is retried (PRODUCT.md section 5, shared/openrouter-api/README.md "Errors and limits"):
// 408, 429, 500, 502, 503, 504, connection resets, socket errors and timeouts — with full-jitter
// exponential backoff (delay = random(0, min(cap, base·2^retry))), honouring Retry-After (seconds
// or HTTP date, capped), within a bound on attempts and on total time.
//
// Only requests whose repetition is harmless are retried after they may have reached the server:
// GET, PUT, PATCH, DELETE and the bulk assign/unassign/add/remove POSTs (assigning an assigned key
// or adding a member twice changes nothing). The creation POSTs are not idempotent and the API has
// no idempotency token (README, "Keys"), so after a possible commit (a 5xx, a timeout, a connection
// lost once the request was sent) they fail as *ambiguous* and are never repeated; the caller
// resolves them (PRODUCT.md section 4). A 429 on a creation is retried: the server refused it
// before doing anything. So is a connection that was never established. No other 4xx is retried.

export type RetryMode =
  /** Repeating it is harmless: every retryable failure is retried. */
  | 'idempotent'
  /** A creation: retried only when the server certainly did nothing (429, connection not established). */
  | 'create'
  /** Tried once. */
  | 'never';

/** Creation POSTs (operationIds of the reference): never repeated once they may have committed. */
export const CREATION_OPERATIONS: ReadonlySet<string> = new Set(['createKeys', 'createGuardrail', 'createWorkspace']);

/** POSTs whose repetition is harmless: bulk (un)assignments and workspace member add/remove. */
export const IDEMPOTENT_POSTS: ReadonlySet<string> = new Set([
  'bulkAssignKeysToGuardrail',
  'bulkUnassignKeysFromGuardrail',
  'bulkAssignMembersToGuardrail',
  'bulkUnassignMembersFromGuardrail',
  'bulkAddWorkspaceMembers',
  'bulkRemoveWorkspaceMembers',
]);

/**
 * The retry mode of a request when its caller does not say. A POST not known to be harmless to
 * repeat is treated as a creation: the safe default for an operation added later.
 */
export function retryModeFor(method: string, operation: string): RetryMode {
  if (method !== 'POST') return 'idempotent';
  return IDEMPOTENT_POSTS.has(operation) ? 'idempotent' : 'create';
}

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Backoff base: the first retry waits up to this long. */
  baseDelayMs: number;
  /** Backoff cap: no computed delay exceeds it. */
  maxDelayMs: number;
  /** No retry is started when the time spent plus the next delay would exceed this. */
  maxTotalMs: number;
  /** A Retry-After longer than this is shortened to it. */
  maxRetryAfterMs: number;
}

/**
 * Five attempts over at most a minute: a few seconds of backoff ride out a blip or a short rate
 * limit; a longer outage is better reported (exit 1, nothing planned) than waited out in a CI job.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxTotalMs: 60_000,
  maxRetryAfterMs: 30_000,
};

/** Why an attempt did not succeed, as far as retrying is concerned. */
export type AttemptFailure =
  | { kind: 'status'; status: number; retryAfter?: string | undefined }
  /**
   * No response. `sent: false` when the connection was never established (refused, DNS, connect
   * timeout), so the server cannot have seen the request; `true` otherwise, conservatively.
   */
  | { kind: 'transport'; code: string; sent: boolean; retryable: boolean };

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Failures before the request left this machine: the server cannot have committed anything. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Transport failures that another attempt cannot fix: a certificate problem, a host that does not
 * exist, a client already closed, a request undici refused to send.
 */
function isPermanentTransportCode(code: string): boolean {
  return (
    code === 'ENOTFOUND' ||
    code === 'UND_ERR_INVALID_ARG' ||
    code === 'UND_ERR_DESTROYED' ||
    code === 'UND_ERR_CLOSED' ||
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN'
  );
}

/** The code of a transport error, looking through `cause` (undici wraps socket errors). */
export function transportCodeOf(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR' && code.length > 0) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

export function transportFailure(code: string): AttemptFailure {
  return { kind: 'transport', code, sent: !NOT_SENT_CODES.has(code), retryable: !isPermanentTransportCode(code) };
}

/**
 * Retry-After in milliseconds: delta-seconds (RFC 9110 §10.2.3; a decimal is tolerated) or an
 * HTTP date, relative to `nowMs`. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, min(cap, base·2^n)). */
export function fullJitterDelay(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  /** `ambiguous`: a non-idempotent write may have been committed by the server. */
  | { retry: false; ambiguous: boolean };

export interface DecisionContext {
  mode: RetryMode;
  method: string;
  /** Attempts made so far (1 after the first). */
  attempts: number;
  elapsedMs: number;
  nowMs: number;
  policy: RetryPolicy;
  random: () => number;
}

/** Whether the failure may have left a committed write behind (the server saw the request). */
function mayHaveCommitted(f: AttemptFailure): boolean {
  if (f.kind === 'transport') return f.sent;
  return f.status === 408 || f.status >= 500;
}

export function decide(f: AttemptFailure, ctx: DecisionContext): RetryDecision {
  const writeAtRisk = ctx.mode !== 'idempotent' && ctx.method !== 'GET' && mayHaveCommitted(f);
  const noRetry: RetryDecision = { retry: false, ambiguous: writeAtRisk };

  const retryable =
    f.kind === 'status' ? RETRYABLE_STATUSES.has(f.status) : f.retryable;
  if (!retryable || ctx.mode === 'never') return noRetry;
  // A creation is repeated only when the server certainly did nothing.
  if (ctx.mode === 'create' && mayHaveCommitted(f)) return noRetry;
  if (ctx.attempts >= ctx.policy.maxAttempts) return noRetry;

  let delayMs = fullJitterDelay(ctx.attempts - 1, ctx.policy, ctx.random);
  let reason = f.kind === 'status' ? String(f.status) : f.code;
  if (f.kind === 'status') {
    const retryAfter = parseRetryAfter(f.retryAfter, ctx.nowMs);
    if (retryAfter !== undefined) {
      // Wait what the server asked, plus a little jitter so that the requests it refused at the
      // same moment do not all come back at the same moment.
      const asked = Math.min(retryAfter, ctx.policy.maxRetryAfterMs);
      delayMs = asked + Math.floor(ctx.random() * Math.min(ctx.policy.baseDelayMs, 1_000));
      reason += `, Retry-After ${f.retryAfter?.trim()}`;
    }
  }
  if (ctx.elapsedMs + delayMs > ctx.policy.maxTotalMs) return noRetry;
  return { retry: true, delayMs, reason };
}

/** Time and chance, injected so that tests can be fast and deterministic. */
export interface RetryEnv {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const realRetryEnv: RetryEnv = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export type AttemptResult<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure; error: Error };

export interface RetryInfo {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  reason: string;
  failure: AttemptFailure;
}

export interface RetryRun {
  mode: RetryMode;
  method: string;
  policy: RetryPolicy;
  env: RetryEnv;
  /** Called before each backoff sleep (logging, pausing the shared rate limiter on a 429). */
  onRetry?: (info: RetryInfo) => void;
  /**
   * The error to throw when giving up, from the last attempt's failure. `ambiguous` says the write
   * may have been committed; `attempts` counts them all.
   */
  giveUp: (last: { failure: AttemptFailure; error: Error; attempts: number; ambiguous: boolean }) => Error;
}

/** Runs `attempt` until it succeeds or `decide` says stop. */
export async function runWithRetry<T>(attempt: (n: number) => Promise<AttemptResult<T>>, run: RetryRun): Promise<T> {
  const started = run.env.now();
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    if (result.ok) return result.value;
    const now = run.env.now();
    const decision = decide(result.failure, {
      mode: run.mode,
      method: run.method,
      attempts: n,
      elapsedMs: now - started,
      nowMs: now,
      policy: run.policy,
      random: run.env.random,
    });
    if (!decision.retry) {
      throw run.giveUp({ failure: result.failure, error: result.error, attempts: n, ambiguous: decision.ambiguous });
    }
    run.onRetry?.({ retry: n, delayMs: decision.delayMs, reason: decision.reason, failure: result.failure });
    await run.env.sleep(decision.delayMs);
  }
}
