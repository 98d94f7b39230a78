// The in-memory organization. Routes call the rule functions of this directory with it; tests
// use its helper methods (slugs, emails and names instead of ids; answers in the API's shapes)
// to read the organization and to change it out of band, e.g. to create drift.
import type {
  LiveBudget,
  LiveGuardrail,
  LiveKey,
  LiveKeyAssignment,
  LiveMemberAssignment,
  LiveOrgMember,
  LiveWorkspace,
  LiveWorkspaceMember,
} from '../../core/live.js';
import type { UpdateGuardrailRequest, UpdateWorkspaceRequest } from '../../api/schemas.js';
import { notFound } from '../api-error.js';
import { IdSource } from '../ids.js';
import type {
  SeedActivity,
  SeedDefaultGuardrail,
  SeedGuardrail,
  SeedKey,
  SeedOrgMember,
  SeedWorkspace,
} from '../seed-schema.js';
import { addDays, utcDate } from './activity.js';
import { canonicalSlug } from '../models.js';
import { uuidV5 } from '../ids.js';
import { assignKeys, assignMembers, memberAssignmentKey, unassignKeys, unassignMembers } from './assignments.js';
import { budgetKey, budgetsOf, deleteBudget, upsertBudget } from './budgets.js';
import { deleteGuardrail, guardrailsOf, insertGuardrail, updateGuardrail } from './guardrails.js';
import { deleteKey, insertKey, keysOf, NO_USAGE, updateKey } from './keys.js';
import type {
  ActivityRecord,
  BudgetInterval,
  BudgetRecord,
  GuardrailRecord,
  KeyAssignmentRecord,
  KeyRecord,
  KeyUsage,
  MemberAssignmentRecord,
  OrgData,
  OrgMemberRecord,
  WorkspaceMemberRecord,
  WorkspaceRecord,
} from './records.js';
import {
  budgetView,
  guardrailView,
  keyAssignmentView,
  keyView,
  memberAssignmentView,
  orgMemberView,
  workspaceMemberView,
  workspaceView,
} from './views.js';
import {
  addMembers,
  deleteWorkspace,
  insertWorkspace,
  membersOf,
  removeMembers,
  updateWorkspace,
  workspaceMemberKey,
} from './workspaces.js';

export interface Credits {
  total_credits: number;
  total_usage: number;
}

export interface SandboxStateOptions {
  /** Clock for every timestamp and for the "expires_at in the future" check. */
  now?: () => Date;
  /** Counter-based UUIDs and key secrets, identical on every run (golden tests). */
  deterministicIds?: boolean;
  organizationId?: string;
  /** At least one org:admin; the first admin owns the management key. Default: one owner. */
  orgMembers?: SeedOrgMember[];
  credits?: Credits;
}

/** The organization's only member when none is given. */
export const DEFAULT_OWNER: SeedOrgMember = {
  id: 'user_sandbox_owner',
  email: 'owner@example.com',
  first_name: 'Sandbox',
  last_name: 'Owner',
  role: 'org:admin',
};

/** Collections keyed by id; Map order is creation order, which the lists follow. */
export interface Db {
  orgMembers: Map<string, OrgMemberRecord>;
  workspaces: Map<string, WorkspaceRecord>;
  keys: Map<string, KeyRecord>;
  guardrails: Map<string, GuardrailRecord>;
  /** By budgetKey(workspace id, interval). */
  budgets: Map<string, BudgetRecord>;
  /** By workspaceMemberKey(workspace id, user id). */
  workspaceMembers: Map<string, WorkspaceMemberRecord>;
  /** By key hash: a key holds at most one guardrail. */
  keyAssignments: Map<string, KeyAssignmentRecord>;
  /** By memberAssignmentKey(guardrail id, user id). */
  memberAssignments: Map<string, MemberAssignmentRecord>;
  /** Raw activity rows, in the order they were added (GET /activity aggregates them). */
  activity: ActivityRecord[];
}

/** A key's fields a test may change out of band, usage and expiry included. */
export type KeyChanges = Partial<
  Pick<KeyRecord, 'name' | 'disabled' | 'limit' | 'limit_reset' | 'include_byok_in_limit' | 'expires_at'> & KeyUsage
>;

export class SandboxState {
  readonly now: () => Date;
  readonly ids: IdSource;
  organizationId: string;
  credits: Credits;
  readonly db: Db;
  readonly defaultWorkspaceId: string;
  private seq: number;
  private sortedKeysCache: KeyRecord[] | null = null;

  /** A fresh organization (owner, default workspace), or the one saved in `data`. */
  constructor(options: SandboxStateOptions = {}, data?: OrgData) {
    this.now = options.now ?? (() => new Date());
    this.ids = new IdSource(options.deterministicIds ?? false, data?.idCounter ?? 0);
    this.db = {
      orgMembers: new Map(data?.orgMembers.map((m) => [m.id, m])),
      workspaces: new Map(data?.workspaces.map((w) => [w.id, w])),
      // A state saved before usage_as_of existed: its counters count as recorded at load.
      keys: new Map(data?.keys.map((k) => [k.hash, { ...k, usage_as_of: k.usage_as_of ?? this.now().toISOString() }])),
      guardrails: new Map(data?.guardrails.map((g) => [g.id, g])),
      budgets: new Map(data?.budgets.map((b) => [budgetKey(b.workspace_id, b.interval), b])),
      workspaceMembers: new Map(data?.workspaceMembers.map((m) => [workspaceMemberKey(m.workspace_id, m.user_id), m])),
      keyAssignments: new Map(data?.keyAssignments.map((a) => [a.key_hash, a])),
      memberAssignments: new Map(data?.memberAssignments.map((a) => [memberAssignmentKey(a.guardrail_id, a.user_id), a])),
      activity: [...(data?.activity ?? [])],
    };
    this.seq = data?.nextSeq ?? 1;
    this.organizationId = data?.organization_id ?? options.organizationId ?? 'org_sandbox';
    this.credits = data?.credits ?? options.credits ?? { total_credits: 0, total_usage: 0 };
    if (data) {
      this.defaultWorkspaceId = data.defaultWorkspaceId;
      return;
    }
    for (const m of options.orgMembers ?? [DEFAULT_OWNER]) this.addOrgMember(m);
    if (![...this.db.orgMembers.values()].some((m) => m.role === 'org:admin')) {
      throw new Error('organization_members: at least one member must have role org:admin (the management key\'s owner)');
    }
    this.defaultWorkspaceId = insertWorkspace(this, { slug: 'default', name: 'Default Workspace' }).id;
  }

  /** Everything, as plain data (see persist.ts). */
  toData(): OrgData {
    return structuredClone({
      organization_id: this.organizationId,
      credits: this.credits,
      orgMembers: [...this.db.orgMembers.values()],
      defaultWorkspaceId: this.defaultWorkspaceId,
      workspaces: [...this.db.workspaces.values()],
      keys: [...this.db.keys.values()],
      guardrails: [...this.db.guardrails.values()],
      budgets: [...this.db.budgets.values()],
      workspaceMembers: [...this.db.workspaceMembers.values()],
      keyAssignments: [...this.db.keyAssignments.values()],
      memberAssignments: [...this.db.memberAssignments.values()],
      activity: this.db.activity,
      nextSeq: this.seq,
      idCounter: this.ids.position,
    });
  }

  // ---- used by the rules and routes ------------------------------------------------------

  timestamp(): string {
    return this.now().toISOString();
  }

  nextSeq(): number {
    return this.seq++;
  }

  /** The management key's owner: the first org admin. Assignments and keys are made by them. */
  get ownerId(): string {
    for (const m of this.db.orgMembers.values()) if (m.role === 'org:admin') return m.id;
    throw new Error('the organization has no org:admin');
  }

  get defaultWorkspace(): WorkspaceRecord {
    return this.db.workspaces.get(this.defaultWorkspaceId) as WorkspaceRecord;
  }

  /** `{id}` of /workspaces/{id}: the UUID or the slug. */
  workspaceByRef(ref: string): WorkspaceRecord | undefined {
    const byId = this.db.workspaces.get(ref);
    if (byId) return byId;
    for (const w of this.db.workspaces.values()) if (w.slug === ref) return w;
    return undefined;
  }

  /** An organization member by user id or email. */
  memberByRef(ref: string): OrgMemberRecord | undefined {
    const byId = this.db.orgMembers.get(ref);
    if (byId) return byId;
    for (const m of this.db.orgMembers.values()) if (m.email === ref) return m;
    return undefined;
  }

  /** The workspace whose default guardrail has this id, if any (materialized or not). */
  workspaceOfDefaultGuardrail(guardrailId: string): WorkspaceRecord | undefined {
    for (const w of this.db.workspaces.values()) if (w.default_guardrail_id === guardrailId) return w;
    return undefined;
  }

  /** Every key, newest first; cached because /keys pages through thousands of keys. */
  sortedKeys(): KeyRecord[] {
    this.sortedKeysCache ??= [...this.db.keys.values()].sort(
      (a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.seq - a.seq),
    );
    return this.sortedKeysCache;
  }

  /** Call after adding or removing keys. */
  touchKeys(): void {
    this.sortedKeysCache = null;
  }

  // ---- helpers for tests: read ---------------------------------------------------------------

  workspaces(): LiveWorkspace[] {
    return [...this.db.workspaces.values()].map(workspaceView);
  }

  workspace(ref: string): LiveWorkspace | undefined {
    const ws = this.workspaceByRef(ref);
    return ws && workspaceView(ws);
  }

  orgMembers(): LiveOrgMember[] {
    return [...this.db.orgMembers.values()].map(orgMemberView);
  }

  /** All keys of a workspace, disabled ones included, newest first. */
  keysIn(workspace = 'default'): LiveKey[] {
    return keysOf(this, this.requireWorkspace(workspace).id).map((k) => keyView(k, this.now()));
  }

  key(hash: string): LiveKey | undefined {
    const key = this.db.keys.get(hash);
    return key && keyView(key, this.now());
  }

  /** The newest key with this name in the workspace (names are not unique in the API). */
  findKeyByName(name: string, workspace = 'default'): LiveKey | undefined {
    return this.keysIn(workspace).find((k) => k.name === name);
  }

  guardrailsIn(workspace = 'default'): LiveGuardrail[] {
    return guardrailsOf(this, this.requireWorkspace(workspace).id).map((g) => guardrailView(this, g));
  }

  guardrail(id: string): LiveGuardrail | undefined {
    const g = this.db.guardrails.get(id);
    return g && guardrailView(this, g);
  }

  findGuardrailByName(name: string, workspace = 'default'): LiveGuardrail | undefined {
    return this.guardrailsIn(workspace).find((g) => g.name === name);
  }

  keyAssignments(): LiveKeyAssignment[] {
    return [...this.db.keyAssignments.values()].map((a) => keyAssignmentView(a, this.db.keys.get(a.key_hash) as KeyRecord));
  }

  memberAssignments(): LiveMemberAssignment[] {
    return [...this.db.memberAssignments.values()].map((a) => memberAssignmentView(this, a));
  }

  workspaceMembers(workspace: string): LiveWorkspaceMember[] {
    return membersOf(this, this.requireWorkspace(workspace)).map((m) =>
      workspaceMemberView(m, this.db.orgMembers.get(m.user_id)),
    );
  }

  budgets(workspace: string): LiveBudget[] {
    return budgetsOf(this, this.requireWorkspace(workspace)).map(budgetView);
  }

  // ---- helpers for tests: change out of band (the organization's rules still hold) ----------

  addOrgMember(input: SeedOrgMember): LiveOrgMember {
    if (this.db.orgMembers.has(input.id)) throw new Error(`organization member ${input.id} already exists`);
    if (this.memberByRef(input.email)) throw new Error(`organization member with email ${input.email} already exists`);
    const record: OrgMemberRecord = {
      id: input.id,
      email: input.email,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      role: input.role ?? 'org:member',
      scim_managed: input.scim_managed ?? false,
    };
    this.db.orgMembers.set(record.id, record);
    return orgMemberView(record);
  }

  addWorkspace(input: SeedWorkspace): LiveWorkspace {
    if (input.name === undefined) throw new Error(`workspace "${input.slug}": name is required`);
    return workspaceView(insertWorkspace(this, { ...input, name: input.name }));
  }

  updateWorkspace(workspace: string, patch: UpdateWorkspaceRequest): LiveWorkspace {
    return workspaceView(updateWorkspace(this, this.requireWorkspace(workspace), patch));
  }

  deleteWorkspace(workspace: string): void {
    deleteWorkspace(this, this.requireWorkspace(workspace));
  }

  /** Creates a key as the seed describes it (any created_at, usage, disabled, past expiry). */
  addKey(input: SeedKey): { key: LiveKey; secret: string | null } {
    const { workspace, creator, hash, created_at, ...rest } = input;
    const usage = Object.fromEntries(Object.entries(rest).filter(([f]) => f in NO_USAGE)) as Partial<KeyUsage>;
    const { record, secret } = insertKey(this, {
      name: rest.name,
      workspace_id: this.requireWorkspace(workspace ?? 'default').id,
      limit: rest.limit,
      limit_reset: rest.limit_reset,
      include_byok_in_limit: rest.include_byok_in_limit,
      expires_at: rest.expires_at,
      disabled: rest.disabled,
      creator_user_id: creator == null ? creator : this.requireMember(creator).id,
      usage,
      created_at,
      hash,
    });
    return { key: keyView(record, this.now()), secret };
  }

  updateKey(hash: string, changes: KeyChanges): LiveKey {
    const { expires_at, ...rest } = changes;
    const record = updateKey(this, hash, rest);
    if (expires_at !== undefined) record.expires_at = expires_at && new Date(expires_at).toISOString();
    return keyView(record, this.now());
  }

  disableKey(hash: string): LiveKey {
    return this.updateKey(hash, { disabled: true });
  }

  deleteKey(hash: string): void {
    deleteKey(this, hash);
  }

  addGuardrail(input: SeedGuardrail): LiveGuardrail {
    const { name, workspace, created_at, ...fields } = input;
    const record = insertGuardrail(this, this.requireWorkspace(workspace ?? 'default').id, name, fields, created_at);
    return guardrailView(this, record);
  }

  /** PATCH semantics; also materializes a workspace's default guardrail. */
  updateGuardrail(id: string, patch: UpdateGuardrailRequest): LiveGuardrail {
    return guardrailView(this, updateGuardrail(this, id, patch));
  }

  setDefaultGuardrail(workspace: string, fields: SeedDefaultGuardrail): LiveGuardrail {
    return this.updateGuardrail(this.requireWorkspace(workspace).default_guardrail_id, fields);
  }

  deleteGuardrail(id: string): void {
    deleteGuardrail(this, id);
  }

  /** Binds a key to a guardrail (moving it from another); false when it already was. */
  assignKey(hash: string, guardrailId: string): boolean {
    if (!this.db.keys.has(hash)) throw notFound(`API key ${hash} not found`);
    return assignKeys(this, guardrailId, [hash]) === 1;
  }

  unassignKey(hash: string): boolean {
    const current = this.db.keyAssignments.get(hash);
    return current !== undefined && unassignKeys(this, current.guardrail_id, [hash]) === 1;
  }

  assignMember(member: string, guardrailId: string): boolean {
    return assignMembers(this, guardrailId, [this.requireMember(member).id]) === 1;
  }

  unassignMember(member: string, guardrailId: string): boolean {
    return unassignMembers(this, guardrailId, [this.requireMember(member).id]) === 1;
  }

  addWorkspaceMember(workspace: string, member: string): boolean {
    return addMembers(this, this.requireWorkspace(workspace), [this.requireMember(member).id]).length === 1;
  }

  removeWorkspaceMember(workspace: string, member: string): boolean {
    return removeMembers(this, this.requireWorkspace(workspace), [this.requireMember(member).id]) === 1;
  }

  setBudget(workspace: string, interval: BudgetInterval, limitUsd: number, includeByokInBudgets?: boolean): LiveBudget {
    return budgetView(upsertBudget(this, this.requireWorkspace(workspace), interval, limitUsd, includeByokInBudgets));
  }

  deleteBudget(workspace: string, interval: BudgetInterval): void {
    deleteBudget(this, this.requireWorkspace(workspace), interval);
  }

  /**
   * Records a raw activity row as the seed's `activity:` section describes it: `days_ago` counts
   * back from the sandbox's clock now; `key` is a key's name (or hash) in `workspace`, and the
   * member defaults to the key's creator (whose traffic it is); the endpoint id, when not given,
   * is derived from model and provider so that it stays the same across runs.
   */
  addActivity(input: SeedActivity): ActivityRecord {
    const ws = this.requireWorkspace(input.workspace ?? 'default');
    const key = input.key === undefined ? undefined : this.requireKeyIn(ws, input.key);
    const member = input.member === undefined ? undefined : this.requireMember(input.member);
    const permaslug = input.model_permaslug ?? canonicalSlug(input.model);
    if (permaslug === undefined) {
      throw new Error(`model "${input.model}" is not in the sandbox's catalog: give its model_permaslug`);
    }
    if (input.date === undefined && input.days_ago === undefined) throw new Error('give date or days_ago');
    const record: ActivityRecord = {
      date: input.date ?? addDays(utcDate(this.now()), -(input.days_ago as number)),
      model: input.model,
      model_permaslug: permaslug,
      endpoint_id: input.endpoint_id ?? uuidV5(`activity-endpoint:${input.model}:${input.provider_name}`),
      provider_name: input.provider_name,
      workspace_id: ws.id,
      api_key_hash: key?.hash ?? null,
      user_id: member?.id ?? key?.creator_user_id ?? null,
      usage: input.usage,
      byok_usage_inference: input.byok_usage_inference ?? 0,
      requests: input.requests,
      prompt_tokens: input.prompt_tokens ?? 0,
      completion_tokens: input.completion_tokens ?? 0,
      reasoning_tokens: input.reasoning_tokens ?? 0,
    };
    this.db.activity.push(record);
    return { ...record };
  }

  /** The raw activity rows, as recorded (not aggregated). */
  activityRows(): ActivityRecord[] {
    return this.db.activity.map((r) => ({ ...r }));
  }

  /** A key by hash, or by a name that exactly one key of the workspace has. */
  private requireKeyIn(ws: WorkspaceRecord, ref: string): KeyRecord {
    const byHash = this.db.keys.get(ref);
    if (byHash) return byHash;
    const named = keysOf(this, ws.id).filter((k) => k.name === ref);
    if (named.length === 0) throw new Error(`no key named "${ref}" in workspace "${ws.slug}"`);
    if (named.length > 1) throw new Error(`${named.length} keys are named "${ref}" in workspace "${ws.slug}"; name one uniquely`);
    return named[0] as KeyRecord;
  }

  private requireWorkspace(ref: string): WorkspaceRecord {
    const ws = this.workspaceByRef(ref);
    if (!ws) throw notFound(`unknown workspace "${ref}"`);
    return ws;
  }

  private requireMember(ref: string): OrgMemberRecord {
    const member = this.memberByRef(ref);
    if (!member) throw notFound(`"${ref}" is not an organization member (by id or email)`);
    return member;
  }
}
