// The key-creation protocol. POST /keys has no idempotency token and returns the secret once, in
// that response only (API README, "Keys"), so a blind retry could leave a second key, and a lost
// response a key whose secret nobody holds. Every step is therefore recoverable without a human:
//
//  1. POST /keys under a temporary name `oradmin-pending:<nonce>@<run>:<name>` (key-pending.ts), with the
//     limit, reset, BYOK flag, expiry and creator set. Never retried blindly: after an ambiguous
//     failure the workspace's keys are listed, a key with that nonce is deleted (its secret was
//     lost), and the creation starts again with a new nonce.
//  2. Secure it: PATCH disabled when declared (POST cannot set it), bind the guardrail.
//  3. Deliver the secret to the sink. If delivery fails, delete the key: nobody holds it.
//  4. Replacement only: delete the predecessor (its successor is already delivered).
//  5. Rename the key to its declared name. From here on it is an ordinary key.
//
// If apply dies anywhere in between, the next plan sees the pending key (by its name) and attaches
// it to the key's create/replace operation: when the sink holds the pending key's secret (the file
// sink can tell by hash) and its expiry still matches, steps 2–5 are finished; otherwise the pending
// key is deleted and a new one created. A pending key whose declared key already exists is deleted.
//
// A rotation (PRODUCT.md section 8) runs the same protocol for the successor, with the predecessor
// marked between securing and delivering:
//  1–2. as above: the successor is created under a pending name and secured;
//  3. the current key is renamed `oradmin-predecessor:<overlap>:<retire>:<name>` (key-predecessor.ts),
//     so that from here on the live state alone says that a rotation is under way and when its
//     predecessor retires (its successor's created_at plus the overlap);
//  4. the secret is delivered to the same sink entry, saying it is a rotation, which key it succeeds
//     and from when that key stops working. If delivery fails, the successor is deleted and the
//     predecessor renamed back: nothing changed;
//  5. the successor is renamed to the declared name: it is the current key;
//  6. with overlap 0, the predecessor is retired (deleted or disabled) right away.
// Killed after 3, the next plan sees a predecessor without a current key and finishes the rotation
// (a pending successor whose secret the sink holds is finished, any other is replaced by a new one);
// killed after 5, it retires the predecessor when its overlap has passed. A predecessor is never
// retired while it has no successor.
import { createHash, randomBytes } from 'node:crypto';
import { AmbiguousWriteError } from '../api/errors.js';
import type { ApiClient } from '../api/client.js';
import { readAllKeys } from '../api/paginate.js';
import { CreateKeysRequest, CreateKeysResponse, UpdateKeysRequest } from '../api/schemas.js';
import { address } from '../core/address.js';
import { normalizeTimestamp } from '../core/normalize.js';
import type { Operation } from '../core/types.js';
import { OradminError } from '../errors.js';
import { deleteObject, pathOf } from '../resources/calls.js';
import { pendingName, type PendingRun } from '../resources/key-pending.js';
import { predecessorName, type RetireMode } from '../resources/key-predecessor.js';
import { parseLifecycleDuration } from '../core/duration.js';
import { bindKeys } from '../resources/key-guardrail.js';
import type { ExecContext, IdRegistry, KeyCreator } from '../resources/types.js';
import type { SecretSink } from './sinks/types.js';

/** Creation attempts after ambiguous failures before giving up (each cleans up the previous one). */
export const MAX_CREATE_ATTEMPTS = 3;

export interface KeyCreationDeps {
  client: ApiClient;
  ids: IdRegistry;
  sink: SecretSink | undefined;
  now: () => Date;
  /** The run creating the keys, written into their pending names (key-pending.ts). */
  run?: PendingRun;
  /** Observes each step (audit log, tests). Never receives the secret. */
  onStep?: (address: string, step: string, detail?: Record<string, unknown>) => void;
}

interface Resume {
  hash: string;
  nonce: string;
  expires_at: string | null;
  created_at?: string;
  /** The planner's verdict: the pending key's expiry is the one the file asks for. */
  expires_ok?: boolean;
}

interface KeyFields {
  limit: number | null;
  limit_reset: 'daily' | 'weekly' | 'monthly' | null;
  include_byok_in_limit: boolean;
  expires_at?: string | null;
  /** Relative expiry (`expires_in`): expires_at is set from the time of each creation. */
  expires_in?: string;
  disabled: boolean;
}

interface Created {
  hash: string;
  secret: string;
  created_at: string;
}

export class KeyCreationProtocol implements KeyCreator {
  constructor(private readonly deps: KeyCreationDeps) {}

  private get ctx(): ExecContext {
    return { client: this.deps.client, ids: this.deps.ids, keys: this };
  }

  async create(op: Operation): Promise<void> {
    const sink = this.deps.sink;
    if (!sink) throw new OradminError(`${op.address}: no secrets sink configured, so the new key's secret would be lost`);
    const fields = op.exec.fields as KeyFields;

    let finished = false;
    for (const r of (op.exec.resume as Resume[] | undefined) ?? []) {
      if (!finished && (await this.canFinish(r, fields, sink))) {
        this.step(op, 'resume', { hash: r.hash });
        await this.finish(op, r.hash, fields);
        finished = true;
        continue;
      }
      this.step(op, 'remove-interrupted', { hash: r.hash });
      await this.deleteKey(op, r.hash);
    }
    if (finished) return;

    const { hash, secret } = await this.post(op, fields);
    try {
      await this.secure(op, hash, fields);
      await sink.deliver({
        address: op.address,
        workspace: op.exec.workspace as string,
        name: op.exec.name as string,
        secret,
        hash,
        created_at: this.deps.now().toISOString(),
      });
      this.step(op, 'delivered', { hash, sink: sink.description });
    } catch (err) {
      // Nobody holds this key's secret: it must not stay. If this delete fails too, the next plan
      // finds the pending key by its name and removes it.
      await this.deleteKey(op, hash).catch(() => undefined);
      throw err;
    }
    await this.complete(op, hash);
  }

  /** Steps 4 and 5, shared by a fresh creation and a resumed one. */
  private async complete(op: Operation, hash: string): Promise<void> {
    if (op.action === 'replace' && typeof op.exec.hash === 'string' && op.exec.hash !== hash) {
      this.step(op, 'delete-predecessor', { hash: op.exec.hash });
      await this.deleteKey(op, op.exec.hash);
    }
    await this.patch(op, hash, { name: op.exec.name as string });
    this.deps.ids.set(op.address, hash);
    this.step(op, 'renamed', { hash });
  }

  private async canFinish(r: Resume, fields: KeyFields, sink: SecretSink): Promise<boolean> {
    const expiryOk = r.expires_ok ?? normalizeTimestamp(r.expires_at) === (fields.expires_at ?? null);
    return expiryOk && (await sink.holds(r.hash));
  }

  /** The expiry a new key is created with: the declared instant, or `expires_in` from now. */
  private expiresAt(fields: KeyFields): string | null {
    if (fields.expires_in === undefined) return fields.expires_at ?? null;
    const ms = parseLifecycleDuration(fields.expires_in);
    if (ms === undefined) throw new Error(`expires_in ${fields.expires_in} is not a duration`);
    return new Date(this.deps.now().getTime() + ms).toISOString();
  }

  /**
   * A rotation: the successor through the creation protocol, the predecessor marked, the secret
   * delivered with the rotation's facts, the successor renamed; with overlap 0 the predecessor retired.
   */
  async rotate(op: Operation): Promise<void> {
    const sink = this.deps.sink;
    if (!sink) throw new OradminError(`${op.address}: no secrets sink configured, so the successor's secret would be lost`);
    const fields = op.exec.fields as KeyFields;
    const name = op.exec.name as string;
    // The current key, to be marked; or the predecessor an interrupted rotation marked already.
    const current = op.exec.hash as string | undefined;
    const marked = op.exec.marked as string | undefined;
    const predecessor = current ?? marked;
    if (!predecessor) throw new Error(`${op.address}: a rotation without a predecessor`);
    const overlapMs = op.exec.overlap_ms as number;
    const retire = op.exec.retire as RetireMode;

    for (const r of (op.exec.resume as Resume[] | undefined) ?? []) {
      if (r.created_at !== undefined && (await this.canFinish(r, fields, sink))) {
        // Delivered already, so the predecessor was marked before: finish securing, then rename.
        this.step(op, 'resume', { hash: r.hash });
        await this.patch(op, r.hash, { limit: fields.limit, limit_reset: fields.limit_reset, include_byok_in_limit: fields.include_byok_in_limit, disabled: fields.disabled });
        await this.bind(op, r.hash);
        if (current) await this.mark(op, current, name, overlapMs, retire);
        return this.takeOver(op, r.hash, predecessor, overlapMs, retire);
      }
      this.step(op, 'remove-interrupted', { hash: r.hash });
      await this.deleteKey(op, r.hash);
    }

    const created = await this.post(op, fields);
    let markedHere = false;
    try {
      await this.secure(op, created.hash, fields);
      if (current) {
        await this.mark(op, current, name, overlapMs, retire);
        markedHere = true;
      }
      await sink.deliver({
        address: op.address,
        workspace: op.exec.workspace as string,
        name,
        secret: created.secret,
        hash: created.hash,
        created_at: this.deps.now().toISOString(),
        rotation: { predecessor_hash: predecessor, predecessor_retires_at: retiresAt(created.created_at, overlapMs) },
      });
      this.step(op, 'delivered', { hash: created.hash, sink: sink.description, predecessor });
    } catch (err) {
      // Nobody holds the successor's secret: it goes, and the predecessor is the current key again.
      // If either request fails too, the next plan finds the pending key or the predecessor by name.
      await this.deleteKey(op, created.hash).catch(() => undefined);
      if (markedHere || marked) {
        await this.patch(op, predecessor, { name })
          .then(() => this.step(op, 'unmarked-predecessor', { hash: predecessor }))
          .catch(() => undefined);
      }
      throw err;
    }
    await this.takeOver(op, created.hash, predecessor, overlapMs, retire);
  }

  /** Steps 5 and 6 of a rotation. */
  private async takeOver(op: Operation, successor: string, predecessor: string, overlapMs: number, retire: RetireMode): Promise<void> {
    await this.patch(op, successor, { name: op.exec.name as string });
    this.deps.ids.set(op.address, successor);
    this.step(op, 'renamed', { hash: successor });
    if (overlapMs > 0) return;
    this.step(op, 'retire-predecessor', { hash: predecessor, retire });
    if (retire === 'delete') await this.deleteKey(op, predecessor);
    else await this.patch(op, predecessor, { disabled: true });
  }

  private async mark(op: Operation, hash: string, name: string, overlapMs: number, retire: RetireMode): Promise<void> {
    await this.patch(op, hash, { name: predecessorName(name, overlapMs, retire) });
    this.step(op, 'marked-predecessor', { hash });
  }

  private async finish(op: Operation, hash: string, fields: KeyFields): Promise<void> {
    await this.patch(op, hash, {
      limit: fields.limit,
      limit_reset: fields.limit_reset,
      include_byok_in_limit: fields.include_byok_in_limit,
      disabled: fields.disabled,
    });
    await this.bind(op, hash);
    await this.complete(op, hash);
  }

  private async post(op: Operation, fields: KeyFields): Promise<Created> {
    const workspaceId = this.deps.ids.require(address.workspace(op.exec.workspace as string));
    const creator = op.exec.creator_user_id as string | undefined;
    for (let attempt = 1; ; attempt++) {
      const nonce = randomBytes(6).toString('hex');
      const tmpName = pendingName(nonce, op.exec.name as string, this.deps.run);
      const body = {
        name: tmpName,
        workspace_id: workspaceId,
        limit: fields.limit,
        limit_reset: fields.limit_reset,
        include_byok_in_limit: fields.include_byok_in_limit,
        expires_at: this.expiresAt(fields),
        ...(creator ? { creator_user_id: creator } : {}),
      };
      try {
        const res = await this.deps.client.request({
          operation: 'createKeys',
          method: 'POST',
          path: '/keys',
          body,
          bodySchema: CreateKeysRequest,
          responseSchema: CreateKeysResponse,
          address: op.address,
        });
        // From now on the secret is removed from anything the client logs or reports.
        this.deps.client.registerSecret(res.key);
        if (createHash('sha256').update(res.key).digest('hex') !== res.data.hash) {
          this.step(op, 'hash-differs-from-sha256', { hash: res.data.hash });
        }
        this.step(op, 'created', { hash: res.data.hash, nonce });
        return { hash: res.data.hash, secret: res.key, created_at: res.data.created_at };
      } catch (err) {
        if (!(err instanceof AmbiguousWriteError)) throw err;
        this.step(op, 'ambiguous-create', { nonce, attempt });
        const keys = await readAllKeys(this.deps.client, { workspaceId, address: op.address });
        for (const k of keys.filter((k) => k.name === tmpName)) {
          this.step(op, 'remove-unheld', { hash: k.hash, nonce });
          await this.deleteKey(op, k.hash);
        }
        if (attempt >= MAX_CREATE_ATTEMPTS) throw err;
      }
    }
  }

  private async secure(op: Operation, hash: string, fields: KeyFields): Promise<void> {
    if (fields.disabled) await this.patch(op, hash, { disabled: true });
    await this.bind(op, hash);
  }

  private async bind(op: Operation, hash: string): Promise<void> {
    const guardrail = op.exec.guardrail;
    if (typeof guardrail !== 'string') return;
    const gAddress = address.guardrail(op.exec.workspace as string, guardrail);
    await bindKeys(this.deps.client, { guardrailId: this.deps.ids.require(gAddress), label: gAddress, hashes: [hash], assign: true, address: op.address });
  }

  private async patch(op: Operation, hash: string, body: Record<string, unknown>): Promise<void> {
    await this.deps.client.request({ operation: 'updateKeys', method: 'PATCH', path: pathOf('/keys/{hash}', { hash }), body, bodySchema: UpdateKeysRequest, address: op.address });
  }

  private deleteKey(op: Operation, hash: string): Promise<void> {
    return deleteObject(this.ctx, op, 'deleteKeys', pathOf('/keys/{hash}', { hash }));
  }

  private step(op: Operation, step: string, detail?: Record<string, unknown>): void {
    this.deps.onStep?.(op.address, step, detail);
  }
}

/** When a rotation's predecessor stops working: its successor's creation (the server's clock) plus the overlap. */
function retiresAt(successorCreatedAt: string, overlapMs: number): string {
  const t = Date.parse(successorCreatedAt);
  return new Date((Number.isFinite(t) ? t : Date.now()) + overlapMs).toISOString().replace('.000Z', 'Z');
}
