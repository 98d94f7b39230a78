// Client-side rate limiting and the bound on requests in flight, shared by every request of a run
// (one RequestGate per ApiClient), so that parallel paginators and executors cannot together
// exceed either. Each attempt passes the gate: a slot first, then a token, then it is sent, so
// that send times follow the token bucket exactly; a retry's backoff is spent outside the gate.
import type { RetryEnv } from './retry.js';

export interface RateLimitOptions {
  /** Sustained requests per second. */
  ratePerSecond: number;
  /** Requests that may go at once after a quiet period. */
  burst: number;
  /** Requests in flight at most. */
  maxInFlight: number;
}

/**
 * OpenRouter publishes no rate figure for management keys (shared/openrouter-api/README.md,
 * "Errors and limits"); it answers 429 with Retry-After, which the retry layer honours and which
 * pauses this bucket for everyone. The bucket is therefore a politeness cap, not the real
 * throttle, and must not be what limits a plan: PRODUCT.md section 5 measures plans against
 * concurrency 8 at 50 ms latency, up to 160 requests a second, and a 10,000-key / 50-workspace
 * organization is some 360 requests. At 100 req/s the bucket, not the latency, set that plan's pace
 * (its last 260 requests 10 ms apart); 200 req/s with a burst of 100 bites only on a link faster
 * than 40 ms per request, and at a real-world 100 ms or more the in-flight bound alone keeps a run
 * under 80 req/s. Concurrency 8 is PRODUCT.md section 5's figure.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { ratePerSecond: 200, burst: 100, maxInFlight: 8 };

type Clock = Pick<RetryEnv, 'now' | 'sleep'>;

/**
 * Token bucket by reservation: taking a token may drive the balance negative, and the taker then
 * waits until its token has been earned. Waiters are thus served in order, spaced 1/rate apart,
 * with no polling.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate limit: ratePerSecond must be > 0 and burst >= 1');
    this.tokens = burst;
    this.last = clock.now();
  }

  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
      this.last = now;
      this.tokens -= 1;
      if (this.tokens < 0) await this.clock.sleep((-this.tokens * 1000) / this.ratePerSecond);
      return;
    }
  }

  /**
   * Nobody takes a token before `ms` from now: a 429 means the server's limit is shared by all our
   * requests, so the ones not yet sent wait too instead of collecting their own 429.
   */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }
}

/** A counting semaphore, FIFO. */
export class Semaphore {
  private active = 0;
  private highest = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {
    if (!(Number.isInteger(max) && max >= 1)) throw new RangeError('maxInFlight must be an integer >= 1');
  }

  async acquire(): Promise<() => void> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    // A slot handed over by release() keeps `active` unchanged: the releaser's becomes ours.
    this.highest = Math.max(this.highest, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  get inFlight(): number {
    return this.active;
  }

  /** The most slots ever held at once. */
  get peak(): number {
    return this.highest;
  }
}

/** Both limits, in the order an attempt passes them. */
export class RequestGate {
  private readonly slots: Semaphore;
  private readonly bucket: TokenBucket;

  constructor(options: RateLimitOptions, clock: Clock) {
    this.slots = new Semaphore(options.maxInFlight);
    this.bucket = new TokenBucket(options.ratePerSecond, options.burst, clock);
  }

  /** Resolves when the attempt may be sent; call the returned function when it has finished. */
  async enter(): Promise<() => void> {
    const release = await this.slots.acquire();
    try {
      await this.bucket.take();
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  pauseFor(ms: number): void {
    this.bucket.pauseFor(ms);
  }

  get peakInFlight(): number {
    return this.slots.peak;
  }
}
