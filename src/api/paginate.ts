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
  /** Most pages asked for and not yet answered (the client's gate bounds what is really in flight). */
  maxWindow?: number;
  /**
   * How many keys the caller expects there (e.g. how many the file declares), asked when the first
   * page is back (undefined: not known yet — a hint is never waited for): that many pages are asked
   * for at once instead of growing to them.
   */
  expected?: () => number | undefined;
  /**
   * Settles when `expected` may have become known: the pages it allows are asked for then, not
   * only when the next page comes back (the parse of a large file, done in slices between the
   * reads, often ends just after the first page).
   */
  hintArrives?: Promise<unknown>;
}

/**
 * Twice the default in-flight bound: enough to keep every slot busy while answers are processed,
 * while bounding the pages read past the end to fewer than that.
 */
export const DEFAULT_MAX_WINDOW = 16;

/**
 * Every key of a workspace, disabled ones included (`include_disabled=true`: without it the API
 * hides them and a reconciler would think they are missing — README, "Listing").
 *
 * One page while the list is shorter than 100. Beyond, pages are asked for ahead in batches of 2,
 * 4, 8, … while every page comes back full, then, at `maxWindow`, pipelined: each full page lets one
 * more be asked for (readAhead). The first short page is the end; pages asked for past it are
 * abandoned. With `expected`, every page up to the one those keys end on is asked for at once, the
 * first page's answer not awaited: it is the round trip that would otherwise stand between the
 * first page and the rest, when a file's keys are already there (plan of 1,000 keys: 11 pages in 2
 * rounds of 8 instead of 3). The price falls on a workspace with far fewer keys than the file
 * declares (a first apply): up to the window less one pages read past its end, all at once.
 * Requests: floor(n/100)+1 when that is 1, 3, 7, 15 pages or matches `expected`, and at most the
 * window less one more otherwise.
 */
export async function readAllKeys(client: Requester, options: KeysListOptions): Promise<LiveKey[]> {
  const maxWindow = options.maxWindow ?? DEFAULT_MAX_WINDOW;
  const fetchPage = async (index: number): Promise<LiveKey[]> =>
    (await client.request({ ...keysPage(options, index * KEYS_PAGE_SIZE), responseSchema: ListKeysResponse })).data;
  // The page the expected keys end on (0-based), as soon as the hint is known.
  const expectedEnd = () => {
    const expected = options.expected?.();
    return expected === undefined ? undefined : Math.floor(expected / KEYS_PAGE_SIZE);
  };
  const pages = await readAhead(fetchPage, expectedEnd, maxWindow, options.address, options.hintArrives);
  return dedupe(pages.flat(), hashOf);
}

const hashOf = (k: LiveKey): string => k.hash;

/** Pages 0, 1, 2, … pipelined (see readAllKeys); the pages up to the first short one. */
function readAhead(
  fetchPage: (index: number) => Promise<LiveKey[]>,
  expectedEnd: () => number | undefined,
  maxWindow: number,
  address: string | undefined,
  hintArrives: Promise<unknown> | undefined,
): Promise<LiveKey[][]> {
  return new Promise((resolve, reject) => {
    const pages: LiveKey[][] = [];
    /** The highest page that may be asked for now. */
    let allowed: number;
    /** Pages 0..fullThrough have all come back full. */
    let fullThrough = -1;
    /** Size of the batch that `allowed` grew by last; at maxWindow, the window slides. */
    let batch = 1;
    let next = 0;
    let outstanding = 0;
    /** Index of the first short page, once one has come back. */
    let end = Infinity;
    let settled = false;
    const fail = (err: unknown) => {
      settled = true;
      reject(err);
    };
    const complete = () => {
      for (let i = 0; i <= end; i++) if (pages[i] === undefined) return false;
      return true;
    };
    /** Pages whose request failed (after the client's retries), kept until it is known whether they are needed. */
    const failures = new Map<number, unknown>();
    /**
     * Fails the read with the first failed page that is within the list: at or before the end, or
     * with every page before it back full. True when it did; a failed page past the end is dropped.
     */
    const settleFailures = (): boolean => {
      for (const [index, err] of [...failures].sort((a, b) => a[0] - b[0])) {
        if (index > end) {
          failures.delete(index);
          continue;
        }
        let within = end !== Infinity;
        if (!within) {
          within = true;
          for (let i = 0; i < index; i++) if ((pages[i]?.length ?? 0) < KEYS_PAGE_SIZE) within = false;
        }
        if (within) {
          fail(err);
          return true;
        }
      }
      return false;
    };
    // Growth: until the batches reach maxWindow, the next batch (twice the last) is allowed only once
    // every page asked for so far came back full — so a short list costs no page past its end (250
    // keys: pages 0, then 1 and 2). From there the window slides: each full page allows one more, so
    // the gate always has pages queued and no round waits for a whole batch's slowest answer. Up to
    // the page the file's keys end on (the hint), every page is allowed at once, before page 0 is
    // back if the hint is there by then.
    /** What growth alone allows. */
    let grown = 0;
    const grow = () => {
      while (fullThrough + 1 < pages.length && (pages[fullThrough + 1]?.length ?? 0) >= KEYS_PAGE_SIZE) fullThrough++;
      if (batch >= maxWindow) grown = Math.max(grown, fullThrough + maxWindow);
      else if (fullThrough >= grown) {
        batch = Math.min(maxWindow, batch * 2);
        grown = fullThrough + batch;
      }
      // With the hint, exactly the pages up to its last; past it only once that page came back full.
      const hint = expectedEnd();
      allowed = hint === undefined ? grown : fullThrough >= hint ? Math.max(grown, hint) : hint;
    };
    const pump = () => {
      grow();
      while (!settled && next <= end && next <= allowed && outstanding < maxWindow) {
        if (next * KEYS_PAGE_SIZE >= MAX_LIST_ITEMS + KEYS_PAGE_SIZE) {
          return fail(tooLong('list', '/keys', `more than ${MAX_LIST_ITEMS} keys in one workspace`, address));
        }
        const index = next++;
        outstanding++;
        fetchPage(index).then(
          (page) => {
            outstanding--;
            if (settled || index > end) return;
            pages[index] = page;
            if (page.length < KEYS_PAGE_SIZE) end = Math.min(end, index);
            // A server that ignores the offset answers the same page again: say so instead of reading
            // forever. Only within the list: pages asked for ahead may come back before the short page
            // that ends it, and past it they are not needed (a server ignoring the offset answers a
            // list shorter than a page rightly, whichever of its copies comes back first).
            for (const [a, b] of [[index - 1, index], [index, index + 1]] as const) {
              const pa = pages[a];
              const pb = pages[b];
              if (b <= end && pa && pb && samePage(pa, pb, hashOf)) return fail(notAdvancing('list', '/keys', a * KEYS_PAGE_SIZE, b * KEYS_PAGE_SIZE, address));
            }
            if (settleFailures()) return;
            if (end !== Infinity && complete()) {
              // Pages past the end still in flight are abandoned; their answers are not needed.
              settled = true;
              resolve(pages.slice(0, end + 1));
              return;
            }
            pump();
          },
          (err: unknown) => {
            outstanding--;
            // A page past the end is not needed, whatever happened to it.
            if (index > end || settled) return;
            // Nor, perhaps, one asked for ahead while an earlier page may still turn out short.
            failures.set(index, err);
            settleFailures();
          },
        );
      }
    };
    pump();
    void hintArrives?.then(
      () => settled || pump(),
      () => undefined,
    );
  });
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
