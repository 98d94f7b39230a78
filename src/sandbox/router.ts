// The route table: method + path template → operationId (the reference's) and handler.
import type { Store } from './state/store.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * What a handler gets. Path parameters, query and body have passed the document's schemas for
 * the route's operationId (openapi/request-validator.ts); handlers apply the organization's rules.
 */
export interface RouteContext {
  state: Store;
  /** Decoded `:name` segments of the path template (named as the document's `{name}`). */
  params: Record<string, string>;
  /** Coerced to the documented parameter types, documented defaults filled in. */
  query: Record<string, unknown>;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  managementKey: string;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export interface Route {
  method: Method;
  /** Below /api/v1, with `:name` segments, e.g. `/keys/:hash` for the document's `/keys/{hash}`. */
  path: string;
  /** The document's operationId; its parameters and body schema validate the request. */
  operationId: string;
  /** Handlers are synchronous: one request's read-check-write never interleaves with another's. */
  handler: (ctx: RouteContext) => RouteResult;
  /** GET /models is public on OpenRouter; everything else needs the management key. */
  public?: boolean;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const created = (body: unknown): RouteResult => ({ status: 201, body });

export class Router {
  private readonly table: { route: Route; segments: string[] }[];

  constructor(routes: readonly Route[]) {
    this.table = routes.map((route) => ({ route, segments: route.path.split('/').slice(1) }));
  }

  /** Static segments win over `:params`, so /guardrails/assignments/keys is not a guardrail id. */
  match(method: string, path: string): RouteMatch | undefined {
    const parts = path.split('/').slice(1);
    let best: { match: RouteMatch; statics: number } | undefined;
    for (const { route, segments } of this.table) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let statics = 0;
      const matches = segments.every((seg, i) => {
        const part = parts[i] as string;
        if (seg.startsWith(':')) {
          if (part === '') return false;
          params[seg.slice(1)] = safeDecode(part);
          return true;
        }
        statics += 1;
        return seg === part;
      });
      if (matches && (!best || statics > best.statics)) best = { match: { route, params }, statics };
    }
    return best?.match;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
