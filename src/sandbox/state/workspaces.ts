// Workspaces and their members. The default workspace always exists, cannot be deleted and has
// implicit membership; a workspace with active keys cannot be deleted, and deleting one deletes
// what lives in it (reference, deleteWorkspace; README, "Workspaces").
import type { UpdateWorkspaceBody } from '../wire/requests.js';
import { ApiError, badRequest } from '../api-error.js';
import { uuidV5 } from '../ids.js';
import { removeGuardrailRecord } from './guardrails.js';
import type { OrgMemberRecord, WorkspaceMemberRecord, WorkspaceRecord, WorkspaceSettings } from './records.js';
import { workspaceMemberKey } from './db.js';
import type { Store } from './store.js';

export interface NewWorkspace extends Partial<WorkspaceSettings> {
  name: string;
  slug: string;
  created_at?: string;
}

/** Settings of a workspace created without them. */
const DEFAULT_SETTINGS: WorkspaceSettings = {
  description: null,
  default_text_model: null,
  default_image_model: null,
  default_provider_sort: null,
  is_observability_io_logging_enabled: false,
  is_observability_broadcast_enabled: false,
  is_data_discount_logging_enabled: false,
  io_logging_sampling_rate: 1,
  io_logging_api_key_ids: null,
};

export function insertWorkspace(st: Store, input: NewWorkspace): WorkspaceRecord {
  const { name, slug, created_at, ...settings } = input;
  assertSlugFree(st, slug);
  assertSamplingRate(settings.io_logging_sampling_rate);
  const id = st.ids.uuid();
  const record: WorkspaceRecord = {
    id,
    slug,
    name,
    default_guardrail_id: uuidV5(`workspace-default-guardrail:${id}`),
    ...DEFAULT_SETTINGS,
    ...definedOnly(settings),
    include_byok_in_budgets: false,
    created_at: created_at === undefined ? st.timestamp() : new Date(created_at).toISOString(),
    updated_at: null,
    created_by: st.ownerId,
  };
  st.db.workspaces.set(id, record);
  return record;
}

export function updateWorkspace(st: Store, ws: WorkspaceRecord, patch: UpdateWorkspaceBody): WorkspaceRecord {
  if (patch.slug !== undefined && patch.slug !== ws.slug) {
    // The default workspace is known by its slug everywhere (PRODUCT.md §3, "slug: default").
    if (ws.id === st.defaultWorkspaceId) throw badRequest('slug: the default workspace\'s slug cannot be changed');
    assertSlugFree(st, patch.slug);
  }
  assertSamplingRate(patch.io_logging_sampling_rate);
  Object.assign(ws, definedOnly(patch));
  ws.updated_at = st.timestamp();
  return ws;
}

export function deleteWorkspace(st: Store, ws: WorkspaceRecord): void {
  if (ws.id === st.defaultWorkspaceId) {
    // Reference, deleteWorkspace: callers not enabled for it "receive a 403".
    throw new ApiError(403, 'The default workspace cannot be deleted');
  }
  const keys = [...st.db.keys.values()].filter((k) => k.workspace_id === ws.id);
  const active = keys.filter((k) => !k.disabled);
  if (active.length > 0) {
    throw badRequest(
      `Workspace "${ws.slug}" has ${active.length} active API key(s) (${active
        .slice(0, 5)
        .map((k) => `"${k.name}"`)
        .join(', ')}${active.length > 5 ? ', ...' : ''}); delete or disable them first`,
    );
  }
  for (const key of keys) {
    st.db.keys.delete(key.hash);
    st.db.keyAssignments.delete(key.hash);
  }
  st.touchKeys();
  for (const g of [...st.db.guardrails.values()]) if (g.workspace_id === ws.id) removeGuardrailRecord(st, g.id);
  for (const [k, b] of st.db.budgets) if (b.workspace_id === ws.id) st.db.budgets.delete(k);
  for (const [k, m] of st.db.workspaceMembers) if (m.workspace_id === ws.id) st.db.workspaceMembers.delete(k);
  st.db.workspaces.delete(ws.id);
}

/** Members of a workspace; the default workspace's are every organization member (implicit). */
export function membersOf(st: Store, ws: WorkspaceRecord): WorkspaceMemberRecord[] {
  if (ws.id !== st.defaultWorkspaceId) {
    return [...st.db.workspaceMembers.values()].filter((m) => m.workspace_id === ws.id);
  }
  return [...st.db.orgMembers.values()].map((m) => ({
    id: uuidV5(`workspace-member:${ws.id}:${m.id}`),
    workspace_id: ws.id,
    user_id: m.id,
    created_at: ws.created_at,
  }));
}

/** Adds organization members; unknown users and existing members are skipped, not errors. */
export function addMembers(st: Store, ws: WorkspaceRecord, userIds: readonly string[]): WorkspaceMemberRecord[] {
  assertExplicitMembership(st, ws);
  const added: WorkspaceMemberRecord[] = [];
  for (const userId of new Set(userIds)) {
    const key = workspaceMemberKey(ws.id, userId);
    if (!st.db.orgMembers.has(userId) || st.db.workspaceMembers.has(key)) continue;
    const record = { id: st.ids.uuid(), workspace_id: ws.id, user_id: userId, created_at: st.timestamp() };
    st.db.workspaceMembers.set(key, record);
    added.push(record);
  }
  return added;
}

/**
 * Removes members. Refused as a whole when one of them holds active keys in the workspace or is
 * SCIM-managed (reference, bulkRemoveWorkspaceMembers); non-members are skipped.
 */
export function removeMembers(st: Store, ws: WorkspaceRecord, userIds: readonly string[]): number {
  assertExplicitMembership(st, ws);
  const present = [...new Set(userIds)].filter((id) => st.db.workspaceMembers.has(workspaceMemberKey(ws.id, id)));
  for (const userId of present) {
    const member = st.db.orgMembers.get(userId);
    if (member?.scim_managed) {
      throw badRequest(
        `user_ids: member ${describe(member)} is SCIM-managed and cannot be removed; change it in your identity provider`,
      );
    }
    const active = [...st.db.keys.values()].filter(
      (k) => k.workspace_id === ws.id && k.creator_user_id === userId && !k.disabled,
    );
    if (active.length > 0) {
      throw badRequest(
        `user_ids: member ${member ? describe(member) : userId} has ${active.length} active API key(s) in workspace ` +
          `"${ws.slug}" and cannot be removed; delete or disable the keys first`,
      );
    }
  }
  for (const userId of present) st.db.workspaceMembers.delete(workspaceMemberKey(ws.id, userId));
  return present.length;
}

function assertExplicitMembership(st: Store, ws: WorkspaceRecord): void {
  if (ws.id === st.defaultWorkspaceId) {
    throw badRequest('Membership of the default workspace is implicit (every organization member); it cannot be changed');
  }
}

function assertSlugFree(st: Store, slug: string): void {
  for (const w of st.db.workspaces.values()) {
    if (w.slug === slug) throw badRequest(`slug: a workspace with slug "${slug}" already exists`);
  }
}

/**
 * The reference states the range in the description only ("Sampling rate for I/O logging
 * (0.0001-1)"), not in the schema: checked here, beyond the schema.
 */
function assertSamplingRate(rate: number | undefined): void {
  if (rate !== undefined && !(rate >= 0.0001 && rate <= 1)) {
    throw badRequest(`io_logging_sampling_rate: ${rate} is outside 0.0001..1 (the share of requests logged)`);
  }
}

function describe(m: OrgMemberRecord): string {
  return `${m.id} (${m.email})`;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
