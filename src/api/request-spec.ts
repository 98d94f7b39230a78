// What one request to the management API is, as the client (client.ts) takes it. Its own module so
// that the list requests (list-requests.ts) can be described without importing the client.
import type { ZodType } from 'zod';
import type { RetryMode } from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface RequestSpec<T = unknown> {
  /** operationId from the reference, e.g. `createKeys`: named in errors and counted in stats. */
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, path parameters already encoded (see `pathOf`), e.g. `/keys/abc`. */
  path: string;
  /** Undefined values are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  /** Strict request schema: a body that does not satisfy it is not sent. */
  bodySchema?: ZodType;
  /** Loose response schema; without one the parsed JSON is returned unchecked (as unknown). */
  responseSchema?: ZodType<T>;
  /** The oradmin address of the object concerned, e.g. `key.default/ci-bot`, for errors. */
  address?: string;
  /** Default: from the method and operation (retry.ts, `retryModeFor`). */
  retry?: RetryMode;
}
