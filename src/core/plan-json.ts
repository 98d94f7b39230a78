// The machine-readable plan of PRODUCT.md section 2: versioned, with a stable key order. The same
// document (minus the checksum) is what the checksum covers, so equal plans have equal checksums.
import { createHash } from 'node:crypto';
import type { Operation, Plan, PlanSummary, RetiringObject, Safety, SecretsSink, UnmanagedObject } from './types.js';

export interface OperationJson {
  address: string;
  kind: string;
  action: string;
  /** widens | narrows | neutral (core/effect.ts). */
  effect?: string;
  after?: Record<string, unknown>;
  /** delete: what is removed. */
  before?: Record<string, unknown>;
  changes?: { field: string; before: unknown; after: unknown }[];
  reason?: string;
  blocked?: string;
}

export interface PlanJson {
  format_version: 1;
  summary: PlanSummary;
  operations: OperationJson[];
  unmanaged: UnmanagedObject[];
  /** Predecessors inside their overlap: expected, no change (PRODUCT.md section 8). */
  retiring: RetiringObject[];
  safety: Safety;
  secrets_sink: SecretsSink;
  checksum: string;
}

export function operationJson(op: Operation): OperationJson {
  const out: OperationJson = { address: op.address, kind: op.kind, action: op.action };
  if (op.effect) out.effect = op.effect;
  if (op.after && Object.keys(op.after).length > 0) out.after = op.after;
  if (op.before && Object.keys(op.before).length > 0) out.before = op.before;
  if (op.changes && op.changes.length > 0) out.changes = op.changes.map((c) => ({ field: c.field, before: c.before, after: c.after }));
  if (op.reason) out.reason = op.reason;
  if (op.blocked) out.blocked = op.blocked;
  return out;
}

export function planJson(plan: Plan): PlanJson {
  return { ...planBody(plan), checksum: plan.checksum };
}

function planBody(plan: Omit<Plan, 'checksum'>): Omit<PlanJson, 'checksum'> {
  return {
    format_version: 1,
    summary: plan.summary,
    operations: plan.operations.map(operationJson),
    unmanaged: plan.unmanaged.map((u) => ({ address: u.address, kind: u.kind, ...(u.reason ? { reason: u.reason } : {}) })),
    retiring: (plan.retiring ?? []).map((r) => ({ address: r.address, kind: r.kind, successor: r.successor, retire: r.retire, retires_at: r.retires_at })),
    safety: plan.safety,
    secrets_sink: plan.secrets_sink,
  };
}

export function planChecksum(plan: Omit<Plan, 'checksum'>): string {
  return bodyChecksum(planBody(plan));
}

/**
 * The checksum of a plan document's body — everything but `checksum`, in its own key order. Apply
 * recomputes it over a saved plan (JSON keeps key order through a parse), so a planfile whose
 * operations were edited while its checksum was kept is refused.
 */
export function bodyChecksum(body: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
}

/** "the file secrets.json", "the command ./store.sh ci", "no secrets sink" — for messages. Not escaped. */
export function describeSecretsSink(sink: SecretsSink): string {
  if (sink === null) return 'no secrets sink';
  return sink.type === 'file' ? `the file ${sink.path}` : `the command ${sink.command.join(' ')}`;
}

/**
 * A plan read back from its JSON (a saved planfile), for the renderers: what the document holds,
 * without what only the executor needs (dependencies, ids), which `apply` recomputes anyway.
 */
export function planFromJson(doc: PlanJson): Plan {
  return {
    format_version: 1,
    summary: doc.summary,
    operations: doc.operations.map((o) => ({
      address: o.address,
      kind: o.kind as Operation['kind'],
      action: o.action as Operation['action'],
      ...(o.effect ? { effect: o.effect as NonNullable<Operation['effect']> } : {}),
      ...(o.after ? { after: o.after } : {}),
      ...(o.before ? { before: o.before } : {}),
      ...(o.changes ? { changes: o.changes } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.blocked ? { blocked: o.blocked } : {}),
      dependsOn: [],
      exec: {},
    })),
    unmanaged: doc.unmanaged,
    // Predecessors still in their overlap: shown by `oradmin show` like the plan showed them.
    retiring: doc.retiring ?? [],
    safety: doc.safety,
    secrets_sink: doc.secrets_sink,
    checksum: doc.checksum,
  };
}
