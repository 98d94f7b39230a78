// The sandbox's programmatic API: start a local OpenRouter management API over real HTTP, seed
// it, inject latency and faults, observe the requests, read and change its state directly.
import { randomSecret } from './ids.js';
import { FaultInjector, type FaultConfig } from './faults.js';
import { loadPersisted, savePersisted } from './persist.js';
import { TokenBucket, type RateLimitConfig } from './rate-limit.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { createRng } from './rng.js';
import type { SeedDocument } from './seed-schema.js';
import { createSeededState } from './seed.js';
import { API_PREFIX, SandboxServer, type SentResponse, type ServerSettings } from './server.js';
import { SandboxState } from './state/sandbox-state.js';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The bearer token to accept; a fresh `sk-or-v1-…` when omitted. */
  managementKey?: string;
  /** The initial organization: a document, or the path of a YAML/JSON file. */
  seed?: SeedDocument | string;
  latencyMs?: number;
  /** Up to this many ms are added at random to each request's latency. */
  latencyJitterMs?: number;
  faults?: Partial<FaultConfig>;
  rateLimit?: RateLimitConfig | null;
  /** Load the organization from this file when it exists (the seed is then ignored); save after each write. */
  persistPath?: string;
  now?: () => Date;
  /** Seed of the random faults and jitter: the same seed replays the same faults. */
  rngSeed?: number;
  /** Counter-based ids and secrets, identical on every run (golden tests). */
  deterministicIds?: boolean;
  /**
   * Called with every response the sandbox sends. For tests: test/sandbox/helpers.ts checks each
   * one against the document's response schema for its operation and status.
   */
  onResponse?: (response: SentResponse) => void;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:41234/api/v1` */
  readonly url: string;
  readonly managementKey: string;
  readonly state: SandboxState;
  setFaults(partial: Partial<FaultConfig>): void;
  setLatency(ms: number, jitterMs?: number): void;
  setRateLimit(config: RateLimitConfig | null): void;
  /** The next `count` successful responses of this operation are committed, then dropped. */
  dropAfterCommit(operationId: string, count?: number): void;
  readonly log: readonly RequestLogEntry[];
  counts(): Record<string, number>;
  resetLog(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const stateOptions = { now: options.now, deterministicIds: options.deterministicIds };
  const persistPath = options.persistPath;
  const saved = persistPath === undefined ? undefined : loadPersisted(persistPath);
  const state = saved ? new SandboxState(stateOptions, saved) : createSeededState(options.seed, stateOptions);
  const save = persistPath === undefined ? null : () => savePersisted(persistPath, state.toData());
  save?.();

  const rngSeed = options.rngSeed;
  const settings: ServerSettings = {
    state,
    managementKey: options.managementKey ?? randomSecret(),
    faults: new FaultInjector(createRng(rngSeed), options.faults),
    rateLimit: options.rateLimit ? new TokenBucket(options.rateLimit) : null,
    latency: checkedLatency(options.latencyMs ?? 0, options.latencyJitterMs ?? 0),
    // A separate stream, so that changing the jitter does not change which requests fault.
    jitterRng: createRng(rngSeed === undefined ? undefined : rngSeed + 1),
    log: new RequestLog(),
    onCommit: save,
    onResponse: options.onResponse ?? null,
  };
  const server = new SandboxServer(settings);
  const host = options.host ?? '127.0.0.1';
  const address = await server.listen(options.port ?? 0, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}${API_PREFIX}`,
    managementKey: settings.managementKey,
    state,
    setFaults: (partial) => settings.faults.set(partial),
    setLatency: (ms, jitterMs = 0) => {
      settings.latency = checkedLatency(ms, jitterMs);
    },
    setRateLimit: (config) => {
      settings.rateLimit = config ? new TokenBucket(config) : null;
    },
    dropAfterCommit: (operationId, count = 1) => settings.faults.dropAfterCommit(operationId, count),
    get log() {
      return settings.log.entries;
    },
    counts: () => settings.log.counts(),
    resetLog: () => settings.log.reset(),
    close: async () => {
      await server.close();
      save?.();
    },
  };
}

function checkedLatency(ms: number, jitterMs: number): { ms: number; jitterMs: number } {
  if (!(ms >= 0) || !(jitterMs >= 0)) throw new RangeError('latency and jitter must be >= 0 ms');
  return { ms, jitterMs };
}

export { SandboxState } from './state/sandbox-state.js';
export type { Credits, KeyChanges, SandboxStateOptions } from './state/sandbox-state.js';
export type { FaultConfig, DropRule } from './faults.js';
export { faultsForRate } from './faults.js';
export type { RateLimitConfig } from './rate-limit.js';
export type { RequestLogEntry, InjectedFault } from './request-log.js';
export type { SentResponse } from './server.js';
export type { SeedDocument } from './seed-schema.js';
export { SeedError, parseSeed, readSeedFile, createSeededState } from './seed.js';
export { MODEL_CATALOG } from './models.js';
export { PersistError } from './persist.js';
