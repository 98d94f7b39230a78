// Server-side token bucket: `capacity` requests at once, refilled at `refillPerSecond`; beyond it
// 429 with Retry-After, like a real API under load (README: "may also answer 429 elsewhere").
export interface RateLimitConfig {
  capacity: number;
  refillPerSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly config: RateLimitConfig,
    private readonly clockMs: () => number = () => performance.now(),
  ) {
    if (!(config.capacity >= 1) || !(config.refillPerSecond > 0)) {
      throw new RangeError('rate limit needs capacity >= 1 and refillPerSecond > 0');
    }
    this.tokens = config.capacity;
    this.last = clockMs();
  }

  /** Takes a token; when none is left, the whole seconds until one will be there. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.clockMs();
    this.tokens = Math.min(this.config.capacity, this.tokens + ((now - this.last) / 1000) * this.config.refillPerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.config.refillPerSecond)) };
  }
}
