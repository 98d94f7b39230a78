// Helpers of the API-layer tests: a sandbox over real HTTP (closed after the test), a client on it
// with fast retry settings, and seed builders for organizations with lists longer than a page.
import { onTestFinished } from 'vitest';
import { ApiClient, type ClientTuning } from '../../src/api/client.js';
import { startSandbox, type Sandbox, type SandboxOptions, type SeedDocument } from '../../src/sandbox/index.js';

export async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandbox(options);
  onTestFinished(() => sb.close());
  return sb;
}

/** Backoff of a few milliseconds, so that retry tests take no time; Retry-After still honoured. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 40, maxTotalMs: 10_000, maxAttempts: 5, maxRetryAfterMs: 5_000 };

export interface TestClient {
  client: ApiClient;
  /** Every --verbose line the client produced. */
  lines: string[];
}

export function clientFor(
  sb: Sandbox,
  tuning: ClientTuning & { onLine?: (line: string) => void; managementKey?: string } = {},
): TestClient {
  const lines: string[] = [];
  const { onLine, managementKey, ...rest } = tuning;
  const client = new ApiClient({
    baseUrl: new URL(sb.url),
    managementKey: managementKey ?? sb.managementKey,
    verbose: (line) => {
      lines.push(line);
      onLine?.(line);
    },
    ...rest,
    retry: { ...FAST_RETRY, ...rest.retry },
  });
  onTestFinished(() => client.close());
  return { client, lines };
}

export const members = (n: number, prefix = 'user'): NonNullable<SeedDocument['organization_members']> =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}_${String(i).padStart(4, '0')}`,
    email: `${prefix}${i}@example.com`,
    role: i === 0 ? ('org:admin' as const) : ('org:member' as const),
  }));

export const keys = (n: number, workspace: string, extra: { disabledEvery?: number; prefix?: string } = {}) =>
  Array.from({ length: n }, (_, i) => ({
    name: `${extra.prefix ?? workspace}-key-${i}`,
    workspace,
    limit: 10,
    ...(extra.disabledEvery && i % extra.disabledEvery === 0 ? { disabled: true } : {}),
  }));

export const guardrails = (n: number, workspace: string) =>
  Array.from({ length: n }, (_, i) => ({ name: `${workspace}-guard-${i}`, workspace, limit_usd: 5, reset_interval: 'daily' as const }));
