// The retry decisions, with an injected clock and randomness: which failures are retried for
// which kind of request, how long the waits are, and where it stops.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  decide,
  fullJitterDelay,
  parseRetryAfter,
  retryModeFor,
  runWithRetry,
  transportFailure,
  type AttemptFailure,
  type DecisionContext,
  type RetryEnv,
} from '../../src/api/retry.js';

const ctx = (over: Partial<DecisionContext> = {}): DecisionContext => ({
  mode: 'idempotent',
  method: 'GET',
  attempts: 1,
  elapsedMs: 0,
  nowMs: Date.parse('2026-01-01T00:00:00Z'),
  policy: DEFAULT_RETRY_POLICY,
  random: () => 0.5,
  ...over,
});
const status = (s: number, retryAfter?: string): AttemptFailure => ({ kind: 'status', status: s, retryAfter });

describe('retryModeFor', () => {
  it('GET, PUT, PATCH, DELETE and the bulk POSTs are idempotent; other POSTs are creations', () => {
    for (const m of ['GET', 'PUT', 'PATCH', 'DELETE']) expect(retryModeFor(m, 'x')).toBe('idempotent');
    expect(retryModeFor('POST', 'bulkAssignKeysToGuardrail')).toBe('idempotent');
    expect(retryModeFor('POST', 'bulkRemoveWorkspaceMembers')).toBe('idempotent');
    expect(retryModeFor('POST', 'createKeys')).toBe('create');
    expect(retryModeFor('POST', 'someFutureOperation')).toBe('create');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('decide', () => {
  it('retries 408, 429, 500, 502, 503, 504 and resets for idempotent requests; not other 4xx', () => {
    for (const s of [408, 429, 500, 502, 503, 504]) expect(decide(status(s), ctx()).retry).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 422, 501]) expect(decide(status(s), ctx())).toEqual({ retry: false, ambiguous: false });
    expect(decide(transportFailure('ECONNRESET'), ctx()).retry).toBe(true);
    expect(decide(transportFailure('TIMEOUT'), ctx({ method: 'PATCH' })).retry).toBe(true);
  });

  it('does not retry what another attempt cannot fix', () => {
    expect(decide(transportFailure('CERT_HAS_EXPIRED'), ctx()).retry).toBe(false);
    expect(decide(transportFailure('ENOTFOUND'), ctx()).retry).toBe(false);
  });

  it('a creation is retried on 429 and when the connection was never made, and is otherwise ambiguous', () => {
    const create = ctx({ mode: 'create', method: 'POST' });
    expect(decide(status(429, '1'), create).retry).toBe(true);
    expect(decide(transportFailure('ECONNREFUSED'), create).retry).toBe(true);
    for (const f of [status(500), status(502), status(503), status(504), status(408), transportFailure('ECONNRESET'), transportFailure('UND_ERR_SOCKET'), transportFailure('TIMEOUT')]) {
      expect(decide(f, create)).toEqual({ retry: false, ambiguous: true });
    }
    // The server refused it: nothing was committed.
    expect(decide(status(400), create)).toEqual({ retry: false, ambiguous: false });
  });

  it('an idempotent write that keeps failing is not ambiguous: repeating it is harmless', () => {
    expect(decide(status(503), ctx({ method: 'PATCH', attempts: 5 }))).toEqual({ retry: false, ambiguous: false });
  });

  it('honours Retry-After (capped), plus a little jitter', () => {
    const d = decide(status(429, '2'), ctx({ random: () => 0 }));
    expect(d).toEqual({ retry: true, delayMs: 2000, reason: '429, Retry-After 2' });
    const capped = decide(status(503, '3600'), ctx({ random: () => 0 }));
    expect(capped).toMatchObject({ retry: true, delayMs: DEFAULT_RETRY_POLICY.maxRetryAfterMs });
    const jittered = decide(status(429, '2'), ctx({ random: () => 0.999 }));
    expect(jittered.retry && jittered.delayMs).toBeGreaterThanOrEqual(2000);
    expect(jittered.retry && jittered.delayMs).toBeLessThan(2000 + DEFAULT_RETRY_POLICY.baseDelayMs);
  });

  it('stops at the attempt bound and at the time bound', () => {
    expect(decide(status(500), ctx({ attempts: DEFAULT_RETRY_POLICY.maxAttempts })).retry).toBe(false);
    expect(decide(status(429, '30'), ctx({ elapsedMs: 40_000 })).retry).toBe(false);
  });
});

describe('fullJitterDelay', () => {
  it('is uniform below min(cap, base·2^n)', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(fullJitterDelay(0, p, () => 0.999)).toBe(99);
    expect(fullJitterDelay(3, p, () => 0.5)).toBe(400);
    expect(fullJitterDelay(10, p, () => 0.999)).toBe(999);
    expect(fullJitterDelay(10, p, () => 0)).toBe(0);
  });
});

describe('runWithRetry', () => {
  /** A clock that sleeping advances: no real waiting. */
  const fakeEnv = (): RetryEnv & { slept: number[] } => {
    let t = 0;
    const slept: number[] = [];
    return { now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)), random: () => 0.5, slept };
  };

  it('retries until success, reporting each retry', async () => {
    const env = fakeEnv();
    const seen: string[] = [];
    const outcomes = [status(503), transportFailure('ECONNRESET'), null];
    const value = await runWithRetry(
      async (n) => {
        const f = outcomes[n - 1];
        return f ? { ok: false, failure: f, error: new Error('x') } : { ok: true, value: n };
      },
      {
        mode: 'idempotent',
        method: 'GET',
        policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 },
        env,
        onRetry: (i) => seen.push(`${i.retry}:${i.reason}:${i.delayMs}`),
        giveUp: () => new Error('gave up'),
      },
    );
    expect(value).toBe(3);
    expect(seen).toEqual(['1:503:50', '2:ECONNRESET:100']);
    expect(env.slept).toEqual([50, 100]);
  });

  it('gives up with the caller\'s error after the last attempt', async () => {
    const env = fakeEnv();
    let calls = 0;
    await expect(
      runWithRetry(
        async () => (calls++, { ok: false as const, failure: status(500), error: new Error('x') }),
        {
          mode: 'idempotent',
          method: 'GET',
          policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 },
          env,
          giveUp: ({ attempts, ambiguous }) => new Error(`gave up after ${attempts}, ambiguous=${ambiguous}`),
        },
      ),
    ).rejects.toThrow('gave up after 3, ambiguous=false');
    expect(calls).toBe(3);
  });
});
