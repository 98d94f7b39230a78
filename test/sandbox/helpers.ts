// Test helpers: a tiny JSON client over real HTTP (global fetch), nothing mocked, and sandboxes
// whose every response is checked against OpenRouter's document (openapi/response-check.ts).
import { onTestFinished } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { ResponseCheck } from './openapi/response-check.js';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Client {
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  delete<T = any>(path: string): Promise<Reply<T>>;
  /** Any request, with the body sent as is (a string is not JSON-encoded) and optional headers. */
  raw<T = any>(method: string, path: string, init?: { body?: string; headers?: Record<string, string> }): Promise<Reply<T>>;
}

export function client(sb: Sandbox, managementKey = sb.managementKey): Client {
  const raw = async (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${sb.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${managementKey}`, 'content-type': 'application/json', ...init.headers },
      body: init.body,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  };
  const json = (method: string) => (path: string, body?: unknown) =>
    raw(method, path, body === undefined ? {} : { body: JSON.stringify(body) });
  return {
    get: json('GET'),
    post: json('POST'),
    patch: json('PATCH'),
    put: json('PUT'),
    delete: json('DELETE'),
    raw,
  };
}

/**
 * Options that check every response of the sandbox against the document; the current test fails
 * when it ends if one did not match (after the sandbox is closed).
 */
export function checkedResponses(options: SandboxOptions = {}): SandboxOptions {
  const check = new ResponseCheck();
  onTestFinished(() => check.assertClean());
  return {
    ...options,
    onResponse: (response) => {
      check.record(response);
      options.onResponse?.(response);
    },
  };
}

/**
 * A sandbox closed after the current test, its responses checked against the document. Returns
 * the sandbox and a client for it. Most tests start their own: it takes a few milliseconds and
 * keeps tests independent.
 */
export async function sandbox(options: SandboxOptions = {}): Promise<{ sb: Sandbox; api: Client }> {
  const sb = await startSandbox(checkedResponses(options));
  onTestFinished(() => sb.close());
  return { sb, api: client(sb) };
}

/** A clock that only moves when told to. */
export function fixedClock(iso = '2026-01-15T12:00:00.000Z'): { now: () => Date; advance(ms: number): void } {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

/** An error body of the API's shape with this code. */
export function expectError(reply: Reply, status: number): string {
  if (reply.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  const { error } = reply.body as { error: { code: number; message: string } };
  if (error.code !== status || typeof error.message !== 'string') {
    throw new Error(`not an API error body: ${JSON.stringify(reply.body)}`);
  }
  return error.message;
}
