// The only paginator (STYLE.md: "one pagination helper"). The API pages two ways
// (shared/openrouter-api/README.md, "Listing"):
//  (a) every list but /keys takes `offset` and `limit` (max 100) and returns `total_count`: read
//      the first page, then every remaining offset at once (the client's gate bounds them);
//  (b) GET /keys takes no `limit` and returns no total: fixed pages of 100, newest first, the end
//      being the first short page. Reading it one page after another would make 10,000 keys 101
//      sequential round trips (PRODUCT.md section 5: ≤ 2 s), so offsets are fetched speculatively
//      in parallel windows that grow (1, then 2, 4, 8, … up to a cap) while pages come back full,
//      and from the cap on with that many pages always in flight.
// Offset paging over a list that changes while it is read can skip or repeat an item: both
// de-duplicate by id. A server that ignores the offset would make us loop or double everything:
// a page identical to the previous one is an error. A `total_count` or a /keys list larger than
// any real organization is an error too: trusting `total_count: 1e12` would allocate ten billion
// offsets and crash the process instead of saying what is wrong.
import type { ZodType } from 'zod';
import type { LiveKey } from '../core/live.js';
import type { QueryValue, Requester } from './client.js';
import { ApiError } from './errors.js';
import { KEYS_PAGE_SIZE, ListKeysResponse, PAGE_LIMIT_MAX } from './schemas.js';

/**
 * The most items oradmin reads from one list. PRODUCT.md section 5 sizes organizations at 10,000
 * keys, 1,000 guardrails and 500 members; ten times the largest is still a believable answer.
 */
export const MAX_LIST_ITEMS = 100_000;

export interface CountedListSpec<T> {
  operation: string;
  path: string;
  /** Extra query parameters (e.g. `workspace_id`); `offset` and `limit` are the paginator's. */
  query?: Readonly<Record<string, QueryValue>>;
  /** Loose response schema of the list: `{ data: T[], total_count }`. */
  schema: ZodType<{ data: T[]; total_count: number }>;
  /** De-duplication key. */
  idOf: (item: T) => string;
  address?: string;
}

/** Every item of a `limit`/`total_count` list: ceil(total/100) requests, at least one. */
export async function readCountedList<T>(client: Requester, spec: CountedListSpec<T>): Promise<T[]> {
  const fetchPage = (offset: number) =>
    client.request({
      operation: spec.operation,
      method: 'GET',
      path: spec.path,
      query: { ...spec.query, offset, limit: PAGE_LIMIT_MAX },
      responseSchema: spec.schema,
      ...(spec.address === undefined ? {} : { address: spec.address }),
    });

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
 * to one window more otherwise (from the cap on, fewer than maxWindow pages past the end).
 */
export async function readAllKeys(client: Requester, options: KeysListOptions): Promise<LiveKey[]> {
  const maxWindow = options.maxWindow ?? DEFAULT_MAX_WINDOW;
  const fetchPage = async (offset: number): Promise<LiveKey[]> => {
    const res = await client.request({
      operation: 'list',
      method: 'GET',
      path: '/keys',
      query: { offset, ...(options.workspaceId === undefined ? {} : { workspace_id: options.workspaceId }), include_disabled: 'true' },
      responseSchema: ListKeysResponse,
      ...(options.address === undefined ? {} : { address: options.address }),
    });
    return res.data;
  };

  const hashOf = (k: LiveKey): string => k.hash;
  // pages[i] is the page at offset i*100, once it has come back.
  const pages: LiveKey[][] = [await fetchPage(0)];
  let received = pages[0]!.length;
  /** Index of the first short page (the end of the list), once one has come back. */
  let end: number | undefined = pages[0]!.length < KEYS_PAGE_SIZE ? 0 : undefined;
  const accept = (i: number, page: LiveKey[]): void => {
    pages[i] = page;
    // Checked against each neighbour as soon as both are here, whichever came back first.
    for (const [a, b] of [[i - 1, i], [i, i + 1]] as const) {
      if (pages[a] && pages[b] && samePage(pages[a]!, pages[b]!, hashOf)) {
        throw notAdvancing('list', '/keys', a * KEYS_PAGE_SIZE, b * KEYS_PAGE_SIZE, options.address);
      }
    }
    received += page.length;
    if (received > MAX_LIST_ITEMS) throw tooLong('list', '/keys', `more than ${MAX_LIST_ITEMS} keys in one workspace`, options.address);
    if (page.length < KEYS_PAGE_SIZE && (end === undefined || i < end)) end = i;
  };

  // Growing windows (2, 4, 8, …) while the list may still be short, so that a list of 1, 3, 7, 15, …
  // pages costs no request more than it has pages.
  let next = 1;
  let window = 2;
  while (end === undefined && window < maxWindow) {
    const indexes = Array.from({ length: window }, (_, k) => next + k);
    const fetched = await Promise.all(indexes.map((i) => fetchPage(i * KEYS_PAGE_SIZE)));
    fetched.forEach((page, k) => accept(indexes[k]!, page));
    next += window;
    window *= 2;
  }
  // A long list: keep maxWindow pages in flight, each answer asking for the next offset, so that
  // no round waits for the slowest page of a window. Stops asking at the first short page; at most
  // maxWindow - 1 pages are read past it.
  if (end === undefined) {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      let failed = false;
      const launch = (): void => {
        while (!failed && end === undefined && inFlight < maxWindow) {
          const i = next++;
          inFlight += 1;
          fetchPage(i * KEYS_PAGE_SIZE).then(
            (page) => {
              inFlight -= 1;
              if (failed) return;
              try {
                accept(i, page);
              } catch (err) {
                failed = true;
                return reject(err);
              }
              launch();
              if (inFlight === 0) resolve();
            },
            (err: unknown) => {
              inFlight -= 1;
              if (!failed) {
                failed = true;
                reject(err);
              }
            },
          );
        }
      };
      launch();
    });
  }
  // The list is pages 0..end; pages fetched beyond the first short one are ignored.
  const all: LiveKey[] = [];
  for (let i = 0; i <= end!; i++) {
    if (!pages[i]) throw new Error(`readAllKeys: page ${i} missing below the end ${end}`); // cannot happen: every index below next was fetched
    all.push(...pages[i]!);
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
