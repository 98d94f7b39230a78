// Fault injection. Random faults are decided before the handler runs, so a faulted request never
// commits; "commit, then drop" runs the handler and then destroys the connection, which is how a
// client loses the response of a write that happened (PRODUCT.md §4, the key-creation protocol).
import type { Rng } from './rng.js';

export interface DropRule {
  /** Drop this many successful responses, then stop. */
  count?: number;
  /** Drop each successful response with this probability (after `count` is used up). */
  probability?: number;
}

export interface FaultConfig {
  /** Probability per request of a 429 with a Retry-After header. */
  rate429: number;
  /** Seconds sent in Retry-After with injected and rate-limit 429s. */
  retryAfterSeconds: number;
  rate500: number;
  rate502: number;
  rate503: number;
  /** Probability per request of a connection reset without any response. */
  rateReset: number;
  /** Only these operationIds get random faults; all of them when null. */
  operations: string[] | null;
  /** operationId → commit, then destroy the connection instead of answering. */
  dropAfterCommit: Record<string, DropRule>;
}

export type RandomFault = { kind: 'status'; status: 429 | 500 | 502 | 503 } | { kind: 'reset' };

export const NO_FAULTS: FaultConfig = {
  rate429: 0,
  retryAfterSeconds: 1,
  rate500: 0,
  rate502: 0,
  rate503: 0,
  rateReset: 0,
  operations: null,
  dropAfterCommit: {},
};

/**
 * The split used by `oradmin sandbox --fault-rate p`: a third 429, a third 5xx (500, 502 and
 * 503 alike), a third connection resets.
 */
export function faultsForRate(p: number): Partial<FaultConfig> {
  return { rate429: p / 3, rate500: p / 9, rate502: p / 9, rate503: p / 9, rateReset: p / 3 };
}

export class FaultInjector {
  private current: FaultConfig = { ...NO_FAULTS };

  constructor(
    private readonly rng: Rng,
    initial: Partial<FaultConfig> = {},
  ) {
    this.set(initial);
  }

  get config(): Readonly<FaultConfig> {
    return this.current;
  }

  /** Changes some settings, keeps the others. */
  set(partial: Partial<FaultConfig>): void {
    const given = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
    const next: FaultConfig = { ...this.current, ...given, dropAfterCommit: { ...this.current.dropAfterCommit } };
    for (const [op, rule] of Object.entries(partial.dropAfterCommit ?? {})) next.dropAfterCommit[op] = { ...rule };
    const rates = [next.rate429, next.rate500, next.rate502, next.rate503, next.rateReset];
    if (rates.some((r) => !(r >= 0 && r <= 1)) || rates.reduce((a, b) => a + b, 0) > 1 + 1e-9) {
      throw new RangeError('fault rates must each be within 0..1 and add up to at most 1');
    }
    if (!(next.retryAfterSeconds >= 0)) throw new RangeError('retryAfterSeconds must be >= 0');
    this.current = next;
  }

  /** Drop the next `count` successful responses of an operation, after committing them. */
  dropAfterCommit(operationId: string, count = 1): void {
    const rule = this.current.dropAfterCommit[operationId] ?? {};
    this.current.dropAfterCommit[operationId] = { ...rule, count: (rule.count ?? 0) + count };
  }

  /** One draw per request: at most one random fault, or none. */
  pick(operationId: string | null): RandomFault | null {
    const c = this.current;
    if (c.operations !== null && (operationId === null || !c.operations.includes(operationId))) return null;
    let r = this.rng();
    const table: [number, RandomFault][] = [
      [c.rate429, { kind: 'status', status: 429 }],
      [c.rate500, { kind: 'status', status: 500 }],
      [c.rate502, { kind: 'status', status: 502 }],
      [c.rate503, { kind: 'status', status: 503 }],
      [c.rateReset, { kind: 'reset' }],
    ];
    for (const [rate, fault] of table) {
      if (r < rate) return fault;
      r -= rate;
    }
    return null;
  }

  /** Whether this successful response, already committed, is to be dropped. */
  takeDrop(operationId: string | null): boolean {
    const rule = operationId === null ? undefined : this.current.dropAfterCommit[operationId];
    if (!rule) return false;
    if ((rule.count ?? 0) > 0) {
      rule.count = (rule.count ?? 0) - 1;
      return true;
    }
    return rule.probability !== undefined && this.rng() < rule.probability;
  }
}
