// The only paginator (STYLE.md: "one pagination helper"). The API pages two ways
// (shared/openrouter-api/README.md, "Listing"):
//  (a) every list but /keys takes `offset` and `limit` (max 100) and returns `total_count`: read
//      the first page, then every remaining offset at once (the client's gate bounds them);
//  (b) GET /keys takes no `limit` and returns no total: fixed pages of 100, newest first, the end
//      being the first short page. Reading it one page after another would make 10,000 keys 101
//      sequential round trips (PRODUCT.md section 5: ≤ 2 s), so offsets are fetched speculatively
//      in parallel windows that grow (1, then 2, 4, 8, … up to a cap) while pages come back full.
// Offset paging over a list that changes while it is read can skip or repeat an item: both
// de-duplicate by id. A server that ignores the offset would make us loop or double everything:
// a page identical to the previous one is an error. A `total_count` or a /keys list larger than
// any real organization is an error too: trusting `total_count: 1e12` would allocate ten billion
// offsets and crash the process instead of saying what is wrong.
import type { ZodType } from 'zod';
import type { LiveKey } from '../core/live.js';
import type { Requester } from './client.js';
import { ApiError } from './errors.js';
import { countedPage, keysPage, KEYS_PAGE_SIZE, PAGE_LIMIT_MAX, type CountedList } from './list-requests.js';
import { ListKeysResponse } from './schemas.js';

/**
 * The most items oradmin reads from one list. PRODUCT.md section 5 sizes organizations at 10,000
 * keys, 1,000 guardrails and 500 members; ten times the largest is still a believable answer.
 */
export const MAX_LIST_ITEMS = 100_000;

export interface CountedListSpec<T> extends CountedList {
  /** Loose response schema of the list: `{ data: T[], total_count }`. */
  schema: ZodType<{ data: T[]; total_count: number }>;
  /** De-duplication key. */
  idOf: (item: T) => string;
}

/** Every item of a `limit`/`total_count` list: ceil(total/100) requests, at least one. */
export async function readCountedList<T>(client: Requester, spec: CountedListSpec<T>): Promise<T[]> {
  const fetchPage = (offset: number) => client.request({ ...countedPage(spec, offset), responseSchema: spec.schema });

  const pages = new Map<number, T[]>();
  const first = await fetchPage(0);
  pages.set(0, first.data);
  let total = checkedTotal(first.total_count, spec);
  // Usually one round. If the list grew while it was read, a later page reports a larger total and
  // the offsets it adds are read too.
  for (;;) {
    const missing: number[] = [];
    for (let offset = PAGE_LIMIT_MAX; offset < total; offset += PAGE_LIMIT_MAX) {
      if (!pages.has(offset)) missing.push(offset);
    }
    if (missing.length === 0) break;
    const results = await Promise.all(missing.map(async (offset) => [offset, await fetchPage(offset)] as const));
    for (const [offset, page] of results) {
      pages.set(offset, page.data);
      total = Math.max(total, checkedTotal(page.total_count, spec));
    }
  }

  const ordered = [...pages.entries()].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ordered.length; i++) {
    const [prevOffset, prev] = ordered[i - 1]!;
    const [offset, page] = ordered[i]!;
    if (samePage(prev, page, spec.idOf)) throw notAdvancing(spec.operation, spec.path, prevOffset, offset, spec.address);
  }
  return dedupe(
    ordered.flatMap(([, page]) => page),
    spec.idOf,
  );
}

export interface KeysListOptions {
  /**
   * The workspace's UUID. Without it /keys lists the default workspace (README, "Listing"), which
   * lets the default workspace be read before /workspaces has answered.
   */
  workspaceId?: string;
  address?: string;
  /** Largest speculative window, in pages. */
  maxWindow?: number;
}

/**
 * Twice the default in-flight bound: enough to keep every slot busy while a window's answers are
 * awaited, while bounding the pages read past the end to fewer than one window.
 */
export const DEFAULT_MAX_WINDOW = 16;

/**
 * Every key of a workspace, disabled ones included (`include_disabled=true`: without it the API
 * hides them and a reconciler would think they are missing — README, "Listing").
 *
 * Requests: one page while the list is shorter than 100. Beyond, whole windows are read, so
 * a workspace of n keys costs floor(n/100)+1 requests when that is 1, 3, 7, 15, … pages, and up
 * to one window more otherwise.
 */
export async function readAllKeys(client: Requester, options: KeysListOptions): Promise<LiveKey[]> {
  const maxWindow = options.maxWindow ?? DEFAULT_MAX_WINDOW;
  const fetchPage = async (offset: number): Promise<LiveKey[]> => {
    const res = await client.request({ ...keysPage(options, offset), responseSchema: ListKeysResponse });
    return res.data;
  };

  const hashOf = (k: LiveKey): string => k.hash;
  const all: LiveKey[] = [];
  let previous = await fetchPage(0);
  all.push(...previous);
  let previousOffset = 0;
  let next = KEYS_PAGE_SIZE;
  let window = 2;
  let done = previous.length < KEYS_PAGE_SIZE;
  while (!done) {
    const offsets = Array.from({ length: window }, (_, i) => next + i * KEYS_PAGE_SIZE);
    const pages = await Promise.all(offsets.map(fetchPage));
    for (const [i, page] of pages.entries()) {
      const offset = offsets[i]!;
      if (samePage(previous, page, hashOf)) throw notAdvancing('list', '/keys', previousOffset, offset, options.address);
      all.push(...page);
      if (all.length > MAX_LIST_ITEMS) throw tooLong('list', '/keys', `more than ${MAX_LIST_ITEMS} keys in one workspace`, options.address);
      // Pages fetched beyond the first short one are ignored: the list ended there.
      if (page.length < KEYS_PAGE_SIZE) {
        done = true;
        break;
      }
      previous = page;
      previousOffset = offset;
    }
    next += window * KEYS_PAGE_SIZE;
    window = Math.min(window * 2, maxWindow);
  }
  return dedupe(all, hashOf);
}

function checkedTotal(total: number, spec: { operation: string; path: string; address?: string | undefined }): number {
  if (Number.isSafeInteger(total) && total >= 0 && total <= MAX_LIST_ITEMS) return total;
  throw tooLong(spec.operation, spec.path, `total_count ${total}`, spec.address);
}

function tooLong(operation: string, path: string, what: string, address?: string): ApiError {
  return new ApiError({
    operation,
    method: 'GET',
    path,
    ...(address === undefined ? {} : { address }),
    detail:
      `the server reports ${what}, which is not a believable list (oradmin reads at most ${MAX_LIST_ITEMS} items from one list); ` +
      'nothing was planned — check --api-url points at the OpenRouter management API',
  });
}

/** Two non-empty pages with the same items in the same order: the offset did not advance. */
function samePage<T>(a: readonly T[], b: readonly T[], idOf: (item: T) => string): boolean {
  return a.length > 0 && a.length === b.length && a.every((item, i) => idOf(item) === idOf(b[i]!));
}

function dedupe<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const id = idOf(item);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(item);
  }
  return out;
}

function notAdvancing(operation: string, path: string, from: number, to: number, address?: string): ApiError {
  return new ApiError({
    operation,
    method: 'GET',
    path,
    ...(address === undefined ? {} : { address }),
    detail: `offset ${to} returned the same page as offset ${from}: the server is not advancing the offset, so the list cannot be read completely`,
  });
}
