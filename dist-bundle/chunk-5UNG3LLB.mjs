import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  AmbiguousWriteError,
  ApiError,
  CreateGuardrailRequest,
  CreateGuardrailResponse,
  ListGuardrailsResponse,
  UpdateGuardrailRequest,
  leaseDescription,
  leaseInfo,
  leaseName,
  pathOf,
  readCountedList
} from "./chunk-CVIU2U5I.mjs";
import {
  OradminError
} from "./chunk-5QFJAZR6.mjs";
import {
  terminalText
} from "./chunk-7BIV6K7H.mjs";

// src/apply/lease.ts
import { hostname, userInfo } from "node:os";
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function describeHolder(env) {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
  }
  const ci = env.GITHUB_RUN_ID ? `, GitHub Actions ${env.GITHUB_REPOSITORY ?? ""} run ${env.GITHUB_RUN_ID}${env.GITHUB_WORKFLOW ? ` (${env.GITHUB_WORKFLOW})` : ""}` : "";
  return `${user}@${hostname()} pid ${process.pid}${ci}`;
}
function formatDuration(ms) {
  if (ms % 6e4 === 0 && ms >= 6e4) return `${ms / 6e4}m`;
  if (ms % 1e3 === 0) return `${ms / 1e3}s`;
  return `${ms}ms`;
}
async function readLeases(client, now) {
  const listed = await readCountedList(client, { operation: "listGuardrails", path: "/guardrails", schema: ListGuardrailsResponse, idOf: (g) => g.id });
  return listed.map((g) => leaseInfo(g, now)).filter((l) => l !== void 0).sort((a, b) => a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);
}
function describeLease(l) {
  return `run ${l.run} (${terminalText(l.holder)}) since ${l.since}, ${l.expired ? `expired at ${l.expiresAt}` : `valid until ${l.expiresAt} unless renewed`}`;
}
async function removeLease(client, id) {
  try {
    await client.request({ operation: "deleteGuardrail", method: "DELETE", path: pathOf("/guardrails/{id}", { id }) });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
  }
}
async function forceRelease(client, run, now) {
  const leases = await readLeases(client, now);
  const lease = leases.find((l) => l.run === run);
  if (!lease) {
    const held = leases.length > 0 ? `the leases there are: ${leases.map(describeLease).join("; ")}` : "no apply holds a lease now";
    throw new OradminError(`no apply lease of run ${run} exists; ${held}`);
  }
  await removeLease(client, lease.id);
  return lease;
}
function leaseGuard(deps) {
  let held;
  return {
    acquire: async (client) => {
      held = await acquireLease({ ...deps, client });
    },
    release: async () => {
      const h = held;
      held = void 0;
      await h?.release();
    },
    lost: () => held?.lost()
  };
}
async function acquireLease(d) {
  const now = d.now ?? (() => /* @__PURE__ */ new Date());
  const sleep = d.sleep ?? realSleep;
  const started = now().getTime();
  const since = new Date(started).toISOString();
  const description = () => leaseDescription({ run: d.run, holder: d.holder, since, expires_at: new Date(now().getTime() + d.ttlMs).toISOString() });
  const body = () => ({ name: leaseName(d.run), description: description() });
  const create = async () => {
    try {
      const res = await d.client.request({ operation: "createGuardrail", method: "POST", path: "/guardrails", body: body(), bodySchema: CreateGuardrailRequest, responseSchema: CreateGuardrailResponse });
      return { id: res.data.id, since };
    } catch (err) {
      if (!(err instanceof AmbiguousWriteError)) throw err;
      const found = (await readLeases(d.client, now())).find((l) => l.run === d.run);
      if (found) return { id: found.id, since };
      const res = await d.client.request({ operation: "createGuardrail", method: "POST", path: "/guardrails", body: body(), bodySchema: CreateGuardrailRequest, responseSchema: CreateGuardrailResponse });
      return { id: res.data.id, since };
    }
  };
  const renew = (id) => d.client.request({ operation: "updateGuardrail", method: "PATCH", path: pathOf("/guardrails/{id}", { id }), body: { description: description() }, bodySchema: UpdateGuardrailRequest });
  let mine = await create();
  let renewedAt = now().getTime();
  let announced = false;
  try {
    for (; ; ) {
      const at = now();
      const leases = await readLeases(d.client, at);
      const me = leases.find((l) => l.id === mine.id);
      if (!me) {
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
      const holder = ahead[0];
      const waited = at.getTime() - started;
      if (waited >= d.timeoutMs) {
        throw new OradminError(
          `apply refused: another apply holds the organization's apply lease \u2014 ${describeLease(holder)}. Waited ${formatDuration(d.timeoutMs)} (--lock-timeout). Nothing was changed. If that apply is no longer running, release its lease with \`oradmin unlock ${holder.run}\`, or wait until it expires.`
        );
      }
      if (!announced) {
        d.notice(`Waiting for the apply lease, held by ${describeLease(holder)}; waiting up to ${formatDuration(d.timeoutMs)} (--lock-timeout).`);
        announced = true;
      }
      if (at.getTime() - renewedAt >= d.ttlMs / 3) {
        await renew(mine.id).catch((err) => {
          if (!(err instanceof ApiError && err.status === 404)) throw err;
        });
        renewedAt = at.getTime();
      }
      await sleep(Math.max(20, Math.min(2e3, d.ttlMs / 4, d.timeoutMs - waited)));
    }
  } catch (err) {
    await removeLease(d.client, mine.id).catch(() => void 0);
    throw err;
  }
}
function hold(d, id, renew, now) {
  let lost;
  let warned = false;
  let beat = Promise.resolve();
  let beating = false;
  const timer = setInterval(() => {
    if (beating || lost) return;
    beating = true;
    beat = renew(id).then(
      () => {
        beating = false;
      },
      (err) => {
        beating = false;
        if (err instanceof ApiError && err.status === 404) {
          lost ??= `the apply lease of run ${d.run} was removed while this apply ran (\`oradmin unlock ${d.run}\`?)`;
          return;
        }
        if (!warned) d.notice(`warning: could not renew the apply lease of run ${d.run} (${err.message}); retrying`);
        warned = true;
      }
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
          `warning: could not release the apply lease of run ${d.run} (${err.message}); it expires by ${new Date(now().getTime() + d.ttlMs).toISOString()}, or run \`oradmin unlock ${d.run}\``
        );
      }
    }
  };
}

export {
  describeHolder,
  formatDuration,
  describeLease,
  forceRelease,
  leaseGuard
};
