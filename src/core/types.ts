// The plan is plain data: computed once by the pure planner, then only read by the renderers and
// the executor. Field names of the JSON form are the contract of PRODUCT.md section 2.

export const KINDS = [
  'workspace',
  'workspace_budget',
  'workspace_member',
  'workspace_default_guardrail',
  'guardrail',
  'guardrail_member',
  'key',
  'key_guardrail',
] as const;
export type Kind = (typeof KINDS)[number];

export const ACTIONS = ['create', 'update', 'replace', 'delete', 'disable', 'assign', 'unassign', 'rotate', 'retire'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Actions that remove or disable something: they run after the constructive ones (safety.ts
 * counts its own set: a predecessor's retirement is oradmin's lifecycle, not a removal).
 */
export const DESTRUCTIVE: ReadonlySet<Action> = new Set(['delete', 'disable', 'unassign', 'retire']);

/**
 * The key lifecycle's actions (PRODUCT.md section 8): `rotate` gives a key a successor (a new
 * secret), `retire` deletes or disables a predecessor whose overlap has passed.
 */
export const LIFECYCLE: ReadonlySet<Action> = new Set(['rotate', 'retire']);

/** Whether an operation issues a new secret, which apply delivers to the secrets sink. */
export function issuesSecret(op: Pick<Operation, 'kind' | 'action'>): boolean {
  return op.kind === 'key' && (op.action === 'create' || op.action === 'replace' || op.action === 'rotate');
}

/**
 * Whether an operation widens access or spend (a limit raised or removed, a guardrail loosened or
 * unbound, a key enabled or created, a member added), narrows it, or neither (core/effect.ts).
 */
export type Effect = 'widens' | 'narrows' | 'neutral';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Operation {
  address: string;
  kind: Kind;
  action: Action;
  /** create / replace / rotate / assign: the desired values (defaults left out for readability). */
  after?: Record<string, unknown>;
  /** delete: the live values being removed (defaults left out), so a reviewer sees what goes. */
  before?: Record<string, unknown>;
  /** update / replace / assign: field by field. */
  changes?: FieldChange[];
  /** Why a replacement or an unusual step is needed. */
  reason?: string;
  /** Set when apply must refuse this operation (e.g. a replacement that is not allowed). */
  blocked?: string;
  /** Widens or narrows access or spend; set by the planner from the kind's classification. */
  effect?: Effect;
  /**
   * For an operation on one of oradmin's own objects (a predecessor's retirement): the address of
   * the object it belongs to (the current key), so that `--target` and `rotate <address>` select it
   * with its key. Not part of the JSON contract.
   */
  owner?: string;
  /** Addresses of operations that must finish first. Not part of the JSON contract. */
  dependsOn: string[];
  /** What the executor needs (ids, desired values). Plain data; never secrets; not rendered. */
  exec: ExecData;
}

/** Opaque per resource kind; the kind's module writes and reads it. */
export type ExecData = Record<string, unknown>;

export interface UnmanagedObject {
  address: string;
  kind: Kind;
  /** Why it is worth a look beyond being undeclared (a key whose creator left the organization). */
  reason?: string;
}

/**
 * One of oradmin's own objects on its way out on schedule — a key's predecessor inside its overlap
 * (PRODUCT.md section 8): expected state, listed by plans, never unmanaged, no change.
 */
export interface RetiringObject {
  /** `key.<slug>/<name>~predecessor`. */
  address: string;
  kind: Kind;
  /** The current key it preceded: `key.<slug>/<name>`. */
  successor: string;
  /** delete | disable. */
  retire: string;
  /** From when it is due for retirement; null while it has no successor (an interrupted rotation). */
  retires_at: string | null;
}

export interface PlanSummary {
  create: number;
  update: number;
  replace: number;
  delete: number;
  disable: number;
  assign: number;
  unassign: number;
  rotate: number;
  retire: number;
  unmanaged: number;
}

export interface Safety {
  ok: boolean;
  reasons: string[];
}

/**
 * Where apply would deliver the secret of each key it creates or replaces (PRODUCT.md section 2,
 * JSON `secrets_sink`), so that a reviewer sees it and the checksum binds it. The path and the
 * command are as written: `secrets.file` relative to the desired-state file's folder,
 * `--secrets-out` relative to the working directory. null: no sink (apply refuses to create keys).
 */
export type SecretsSink = { type: 'file'; path: string } | { type: 'command'; command: string[] } | null;

export interface Plan {
  format_version: 1;
  summary: PlanSummary;
  operations: Operation[];
  unmanaged: UnmanagedObject[];
  retiring: RetiringObject[];
  safety: Safety;
  secrets_sink: SecretsSink;
  checksum: string;
}

export function emptySummary(): PlanSummary {
  return { create: 0, update: 0, replace: 0, delete: 0, disable: 0, assign: 0, unassign: 0, rotate: 0, retire: 0, unmanaged: 0 };
}
