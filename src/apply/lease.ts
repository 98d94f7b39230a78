// The apply lease: one apply at a time per organization, across machines. There is no state file
// (PRODUCT.md section 3), so the lease lives in the organization itself, as a guardrail named
// `oradmin-lease:<run>` in the default workspace (core/reserved-names.ts): it creates no secret and
// restricts nothing while no key or member is bound to it, and oradmin never binds one.
//
// Acquiring: create this run's lease guardrail, then list the lease guardrails. Contenders are
// ordered by the API's creation order (`created_at`, the server's clock, so machines' clocks do not
// matter for it): the earliest live lease holds; the others keep theirs, renewed, as a place in the
// queue, and poll until the holder is gone or `--lock-timeout` has passed — then they remove their
// own and refuse, naming the holder. Two leases created in the same millisecond cannot be ordered:
// both step back and try again after a random pause, so neither proceeds on a guess. A lease is
// valid until the `expires_at` its holder wrote (renewed every third of its validity): a crashed
// apply blocks others at most that long, and `oradmin unlock <run>` releases it at once.
//
// Requests per apply without contention: POST /guardrails, GET /guardrails, DELETE /guardrails/{id}
// — three — plus one PATCH per third of the lease's validity that the apply lasts (every 15 s by
// default), and one GET per poll (every 2 s at most) while waiting for another apply.
import { hostname, userInfo } from 'node:os';
import { AmbiguousWriteError, ApiError } from '../api/errors.js';
import { readCountedList } from '../api/paginate.js';
import { CreateGuardrailRequest, CreateGuardrailResponse, ListGuardrailsResponse, UpdateGuardrailRequest } from '../api/schemas.js';
import { pathOf, type Requester } from '../api/client.js';
import { leaseDescription, leaseInfo, leaseName, type LeaseInfo } from '../core/reserved-names.js';
import { OradminError } from '../errors.js';
import { terminalText } from '../untrusted.js';

export interface LeaseDeps {
  client: Requester;
  run: string;
  /** Who runs this apply, as other runs will see it. */
  holder: string;
  ttlMs: number;
  /** How long to wait for another apply's lease before refusing. */
  timeoutMs: number;
  /** Progress lines for stderr (already safe for a terminal). */
  notice: (line: string) => void;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface HeldLease {
  run: string;
  /** Why the lease is no longer this run's (removed by `oradmin unlock`), once it is not. */
  lost(): string | undefined;
  release(): Promise<void>;
}

interface Mine {
  id: string;
  since: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** user@host, the process, and the CI run when there is one: enough to find the holder. */
export function describeHolder(env: NodeJS.ProcessEnv): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  const ci = env.GITHUB_RUN_ID
    ? `, GitHub Actions ${env.GITHUB_REPOSITORY ?? ''} run ${env.GITHUB_RUN_ID}${env.GITHUB_WORKFLOW ? ` (${env.GITHUB_WORKFLOW})` : ''}`
    : '';
  return `${user}@${hostname()} pid ${process.pid}${ci}`;
}

export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The lease guardrails of the organization, judged at `now`; oldest first. */
export async function readLeases(client: Requester, now: Date): Promise<LeaseInfo[]> {
  // Without workspace_id, /guardrails lists the default workspace, where leases are created.
  const listed = await readCountedList(client, { operation: 'listGuardrails', path: '/guardrails', schema: ListGuardrailsResponse, idOf: (g) => g.id });
  return listed
    .map((g) => leaseInfo(g, now))
    .filter((l): l is LeaseInfo => l !== undefined)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

/** One line naming a lease's holder, for messages; the holder is untrusted text. */
export function describeLease(l: LeaseInfo): string {
  return `run ${l.run} (${terminalText(l.holder)}) since ${l.since}, ${l.expired ? `expired at ${l.expiresAt}` : `valid until ${l.expiresAt} unless renewed`}`;
}

async function removeLease(client: Requester, id: string): Promise<void> {
  try {
    await client.request({ operation: 'deleteGuardrail', method: 'DELETE', path: pathOf('/guardrails/{id}', { id }) });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
  }
}

/** `oradmin unlock <run>`: removes that run's lease whoever holds it. */
export async function forceRelease(client: Requester, run: string, now: Date): Promise<LeaseInfo> {
  const leases = await readLeases(client, now);
  const lease = leases.find((l) => l.run === run);
  if (!lease) {
    const held = leases.length > 0 ? `the leases there are: ${leases.map(describeLease).join('; ')}` : 'no apply holds a lease now';
    throw new OradminError(`no apply lease of run ${run} exists; ${held}`);
  }
  await removeLease(client, lease.id);
  return lease;
}

/**
 * The lease as something to hold around a run (cli/pipeline.ts, ReadGuard): acquired with the
 * run's client, released (idempotently) when the run ends, and asked whether it was lost.
 */
export function leaseGuard(deps: Omit<LeaseDeps, 'client'>): {
  acquire(client: Requester): Promise<void>;
  release(): Promise<void>;
  lost(): string | undefined;
} {
  let held: HeldLease | undefined;
  return {
    acquire: async (client) => {
      held = await acquireLease({ ...deps, client });
    },
    release: async () => {
      const h = held;
      held = undefined;
      await h?.release();
    },
    lost: () => held?.lost(),
  };
}

export async function acquireLease(d: LeaseDeps): Promise<HeldLease> {
  const now = d.now ?? (() => new Date());
  const sleep = d.sleep ?? realSleep;
  const started = now().getTime();
  const since = new Date(started).toISOString();
  const description = () => leaseDescription({ run: d.run, holder: d.holder, since, expires_at: new Date(now().getTime() + d.ttlMs).toISOString() });
  const body = () => ({ name: leaseName(d.run), description: description() });

  const create = async (): Promise<Mine> => {
    try {
      const res = await d.client.request({ operation: 'createGuardrail', method: 'POST', path: '/guardrails', body: body(), bodySchema: CreateGuardrailRequest, responseSchema: CreateGuardrailResponse });
      return { id: res.data.id, since };
    } catch (err) {
      if (!(err instanceof AmbiguousWriteError)) throw err;
      // The name carries this run's id: a lease of that name is the lost create's.
      const found = (await readLeases(d.client, now())).find((l) => l.run === d.run);
      if (found) return { id: found.id, since };
      const res = await d.client.request({ operation: 'createGuardrail', method: 'POST', path: '/guardrails', body: body(), bodySchema: CreateGuardrailRequest, responseSchema: CreateGuardrailResponse });
      return { id: res.data.id, since };
    }
  };
  const renew = (id: string) =>
    d.client.request({ operation: 'updateGuardrail', method: 'PATCH', path: pathOf('/guardrails/{id}', { id }), body: { description: description() }, bodySchema: UpdateGuardrailRequest });

  let mine = await create();
  let renewedAt = now().getTime();
  let announced = false;
  try {
    for (;;) {
      const at = now();
      const leases = await readLeases(d.client, at);
      const me = leases.find((l) => l.id === mine.id);
      if (!me) {
        // Removed meanwhile (`oradmin unlock` of this run, or judged expired): queue again.
        mine = await create();
        renewedAt = now().getTime();
        continue;
      }
      const others = leases.filter((l) => l.id !== mine.id);
      for (const l of others.filter((o) => o.expired)) {
        await removeLease(d.client, l.id);
        d.notice(`Removed the expired apply lease of ${describeLease(l)}.`);
      }
      const live = others.filter((o) => !o.expired);
      const ahead = live.filter((o) => o.createdAt < me.createdAt);
      const tied = live.filter((o) => o.createdAt === me.createdAt);
      if (ahead.length === 0 && tied.length === 0) return hold(d, mine.id, renew, now);
      if (ahead.length === 0) {
        await removeLease(d.client, mine.id);
        await sleep(50 + Math.floor(Math.random() * 250));
        mine = await create();
        renewedAt = now().getTime();
        continue;
      }
      const holder = ahead[0]!;
      const waited = at.getTime() - started;
      if (waited >= d.timeoutMs) {
        throw new OradminError(
          `apply refused: another apply holds the organization's apply lease — ${describeLease(holder)}. ` +
            `Waited ${formatDuration(d.timeoutMs)} (--lock-timeout). Nothing was changed. If that apply is no longer running, ` +
            `release its lease with \`oradmin unlock ${holder.run}\`, or wait until it expires.`,
        );
      }
      if (!announced) {
        d.notice(`Waiting for the apply lease, held by ${describeLease(holder)}; waiting up to ${formatDuration(d.timeoutMs)} (--lock-timeout).`);
        announced = true;
      }
      if (at.getTime() - renewedAt >= d.ttlMs / 3) {
        // Gone (unlocked, or judged expired by another run): the next round queues again.
        await renew(mine.id).catch((err: unknown) => {
          if (!(err instanceof ApiError && err.status === 404)) throw err;
        });
        renewedAt = at.getTime();
      }
      await sleep(Math.max(20, Math.min(2_000, d.ttlMs / 4, d.timeoutMs - waited)));
    }
  } catch (err) {
    await removeLease(d.client, mine.id).catch(() => undefined);
    throw err;
  }
}

function hold(d: LeaseDeps, id: string, renew: (id: string) => Promise<unknown>, now: () => Date): HeldLease {
  let lost: string | undefined;
  let warned = false;
  let beat: Promise<void> = Promise.resolve();
  let beating = false;
  const timer = setInterval(() => {
    // A renewal still retrying is not joined by another: renewals would only pile up.
    if (beating || lost) return;
    beating = true;
    beat = renew(id).then(
      () => {
        beating = false;
      },
      (err: unknown) => {
        beating = false;
        if (err instanceof ApiError && err.status === 404) {
          lost ??= `the apply lease of run ${d.run} was removed while this apply ran (\`oradmin unlock ${d.run}\`?)`;
          return;
        }
        if (!warned) d.notice(`warning: could not renew the apply lease of run ${d.run} (${(err as Error).message}); retrying`);
        warned = true;
      },
    );
  }, Math.max(10, Math.floor(d.ttlMs / 3)));
  timer.unref();
  return {
    run: d.run,
    lost: () => lost,
    async release() {
      clearInterval(timer);
      await beat;
      if (lost) return;
      try {
        await removeLease(d.client, id);
      } catch (err) {
        d.notice(
          `warning: could not release the apply lease of run ${d.run} (${(err as Error).message}); it expires by ` +
            `${new Date(now().getTime() + d.ttlMs).toISOString()}, or run \`oradmin unlock ${d.run}\``,
        );
      }
    },
  };
}
