// The in-memory organization: a Store (store.ts) with the helper methods tests use — slugs,
// emails and names instead of ids, answers in the API's shapes — to read the organization and to
// change it out of band, e.g. to create drift. The organization's rules still hold for them.
import { notFound } from '../api-error.js';
import { uuidV5 } from '../ids.js';
import { canonicalSlug } from '../models.js';
import type {
  SeedActivity,
  SeedDefaultGuardrail,
  SeedGuardrail,
  SeedKey,
  SeedOrgMember,
  SeedWorkspace,
} from '../seed-schema.js';
import type { UpdateGuardrailBody, UpdateWorkspaceBody } from '../wire/requests.js';
import type {
  ApiKey,
  Guardrail,
  KeyAssignment,
  MemberAssignment,
  OrganizationMember,
  Workspace,
  WorkspaceBudget,
  WorkspaceMember,
} from '../wire/responses.js';
import { addDays, utcDate } from './activity.js';
import { assignKeys, assignMembers, unassignKeys, unassignMembers } from './assignments.js';
import { budgetsOf, deleteBudget, upsertBudget } from './budgets.js';
import { deleteGuardrail, guardrailsOf, insertGuardrail, updateGuardrail } from './guardrails.js';
import { deleteKey, insertKey, keysOf, NO_USAGE, updateKey } from './keys.js';
import type {
  ActivityRecord,
  BudgetInterval,
  KeyRecord,
  KeyUsage,
  OrgData,
  OrgMemberRecord,
  WorkspaceRecord,
} from './records.js';
import { Store, type StoreOptions } from './store.js';
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
import { addMembers, deleteWorkspace, insertWorkspace, membersOf, removeMembers, updateWorkspace } from './workspaces.js';

export type { Credits } from '../wire/responses.js';

export interface SandboxStateOptions extends StoreOptions {
  /** At least one org:admin; the first admin owns the management key. Default: one owner. */
  orgMembers?: SeedOrgMember[];
}

/** The organization's only member when none is given. */
export const DEFAULT_OWNER: SeedOrgMember = {
  id: 'user_sandbox_owner',
  email: 'owner@example.com',
  first_name: 'Sandbox',
  last_name: 'Owner',
  role: 'org:admin',
};

/** A key's fields a test may change out of band, usage and expiry included. */
export type KeyChanges = Partial<
  Pick<KeyRecord, 'name' | 'disabled' | 'limit' | 'limit_reset' | 'include_byok_in_limit' | 'expires_at'> & KeyUsage
>;

export class SandboxState extends Store {
  /** A fresh organization (owner, default workspace), or the one saved in `data`. */
  constructor(options: SandboxStateOptions = {}, data?: OrgData) {
    super(options, data);
    if (data) return;
    for (const m of options.orgMembers ?? [DEFAULT_OWNER]) this.addOrgMember(m);
    if (![...this.db.orgMembers.values()].some((m) => m.role === 'org:admin')) {
      throw new Error('organization_members: at least one member must have role org:admin (the management key\'s owner)');
    }
    this.setDefaultWorkspace(insertWorkspace(this, { slug: 'default', name: 'Default Workspace' }).id);
  }

  // ---- helpers for tests: read ---------------------------------------------------------------

  workspaces(): Workspace[] {
    return [...this.db.workspaces.values()].map(workspaceView);
  }

  workspace(ref: string): Workspace | undefined {
    const ws = this.workspaceByRef(ref);
    return ws && workspaceView(ws);
  }

  orgMembers(): OrganizationMember[] {
    return [...this.db.orgMembers.values()].map(orgMemberView);
  }

  /** All keys of a workspace, disabled ones included, newest first. */
  keysIn(workspace = 'default'): ApiKey[] {
    return keysOf(this, this.requireWorkspace(workspace).id).map((k) => keyView(k, this.now()));
  }

  key(hash: string): ApiKey | undefined {
    const key = this.db.keys.get(hash);
    return key && keyView(key, this.now());
  }

  /** The newest key with this name in the workspace (names are not unique in the API). */
  findKeyByName(name: string, workspace = 'default'): ApiKey | undefined {
    return this.keysIn(workspace).find((k) => k.name === name);
  }

  guardrailsIn(workspace = 'default'): Guardrail[] {
    return guardrailsOf(this, this.requireWorkspace(workspace).id).map((g) => guardrailView(this, g));
  }

  guardrail(id: string): Guardrail | undefined {
    const g = this.db.guardrails.get(id);
    return g && guardrailView(this, g);
  }

  findGuardrailByName(name: string, workspace = 'default'): Guardrail | undefined {
    return this.guardrailsIn(workspace).find((g) => g.name === name);
  }

  keyAssignments(): KeyAssignment[] {
    return [...this.db.keyAssignments.values()].map((a) => keyAssignmentView(a, this.db.keys.get(a.key_hash) as KeyRecord));
  }

  memberAssignments(): MemberAssignment[] {
    return [...this.db.memberAssignments.values()].map((a) => memberAssignmentView(this, a));
  }

  workspaceMembers(workspace: string): WorkspaceMember[] {
    return membersOf(this, this.requireWorkspace(workspace)).map((m) =>
      workspaceMemberView(m, this.db.orgMembers.get(m.user_id)),
    );
  }

  budgets(workspace: string): WorkspaceBudget[] {
    return budgetsOf(this, this.requireWorkspace(workspace)).map(budgetView);
  }

  // ---- helpers for tests: change out of band (the organization's rules still hold) ----------

  addOrgMember(input: SeedOrgMember): OrganizationMember {
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

  addWorkspace(input: SeedWorkspace): Workspace {
    if (input.name === undefined) throw new Error(`workspace "${input.slug}": name is required`);
    return workspaceView(insertWorkspace(this, { ...input, name: input.name }));
  }

  updateWorkspace(workspace: string, patch: UpdateWorkspaceBody): Workspace {
    return workspaceView(updateWorkspace(this, this.requireWorkspace(workspace), patch));
  }

  deleteWorkspace(workspace: string): void {
    deleteWorkspace(this, this.requireWorkspace(workspace));
  }

  /** Creates a key as the seed describes it (any created_at, usage, disabled, past expiry). */
  addKey(input: SeedKey): { key: ApiKey; secret: string | null } {
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

  updateKey(hash: string, changes: KeyChanges): ApiKey {
    const { expires_at, ...rest } = changes;
    const record = updateKey(this, hash, rest);
    if (expires_at !== undefined) record.expires_at = expires_at && new Date(expires_at).toISOString();
    return keyView(record, this.now());
  }

  disableKey(hash: string): ApiKey {
    return this.updateKey(hash, { disabled: true });
  }

  deleteKey(hash: string): void {
    deleteKey(this, hash);
  }

  addGuardrail(input: SeedGuardrail): Guardrail {
    const { name, workspace, created_at, ...fields } = input;
    const record = insertGuardrail(this, this.requireWorkspace(workspace ?? 'default').id, name, fields, created_at);
    return guardrailView(this, record);
  }

  /** PATCH semantics; also materializes a workspace's default guardrail. */
  updateGuardrail(id: string, patch: UpdateGuardrailBody): Guardrail {
    return guardrailView(this, updateGuardrail(this, id, patch));
  }

  setDefaultGuardrail(workspace: string, fields: SeedDefaultGuardrail): Guardrail {
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

  setBudget(workspace: string, interval: BudgetInterval, limitUsd: number, includeByokInBudgets?: boolean): WorkspaceBudget {
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
