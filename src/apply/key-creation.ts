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
}

interface KeyFields {
  limit: number | null;
  limit_reset: 'daily' | 'weekly' | 'monthly' | null;
  include_byok_in_limit: boolean;
  expires_at: string | null;
  disabled: boolean;
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
    return normalizeTimestamp(r.expires_at) === fields.expires_at && (await sink.holds(r.hash));
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

  private async post(op: Operation, fields: KeyFields): Promise<{ hash: string; secret: string }> {
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
        expires_at: fields.expires_at,
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
        return { hash: res.data.hash, secret: res.key };
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
