// Guardrail bindings (README, "Guardrails and bindings"). A key holds at most one guardrail and
// assigning it elsewhere moves it; key and guardrail share a workspace. A member holds at most one
// direct guardrail per workspace, and assigning them another one of that workspace moves them; in
// a workspace other than the default one, only its members can be assigned. A workspace's default
// guardrail is not assigned at all: it applies to all of the workspace's traffic. Unknown hashes
// and users are not errors, they just do not count. A refused request changes nothing.
import { badRequest } from '../api-error.js';
import { requireGuardrail } from './guardrails.js';
import { memberAssignmentKey, workspaceMemberKey } from './db.js';
import type { GuardrailRecord } from './records.js';
import type { Store } from './store.js';

/** Returns how many assignments were created or moved (an existing identical one is not counted). */
export function assignKeys(st: Store, guardrailId: string, hashes: readonly string[]): number {
  const guardrail = requireGuardrail(st, guardrailId);
  refuseDefaultGuardrail(st, guardrail, 'key_hashes');
  const keys = unique(hashes).flatMap((h) => st.db.keys.get(h) ?? []);
  // Checked for every key before any is bound, so a refused request changes nothing.
  for (const key of keys) {
    if (key.workspace_id !== guardrail.workspace_id) {
      throw badRequest(
        `key_hashes: key ${key.hash} ("${key.name}") is in workspace ${key.workspace_id}, ` +
          `guardrail ${guardrail.id} is in workspace ${guardrail.workspace_id}; they must be in the same workspace`,
      );
    }
  }
  let count = 0;
  for (const key of keys) {
    if (st.db.keyAssignments.get(key.hash)?.guardrail_id === guardrail.id) continue;
    // A move is a new assignment: delete first so that lists keep creation order.
    st.db.keyAssignments.delete(key.hash);
    st.db.keyAssignments.set(key.hash, {
      id: st.ids.uuid(),
      key_hash: key.hash,
      guardrail_id: guardrail.id,
      assigned_by: st.ownerId,
      created_at: st.timestamp(),
    });
    count += 1;
  }
  return count;
}

export function unassignKeys(st: Store, guardrailId: string, hashes: readonly string[]): number {
  requireGuardrail(st, guardrailId);
  let count = 0;
  for (const hash of unique(hashes)) {
    if (st.db.keyAssignments.get(hash)?.guardrail_id !== guardrailId) continue;
    st.db.keyAssignments.delete(hash);
    count += 1;
  }
  return count;
}

export function assignMembers(st: Store, guardrailId: string, userIds: readonly string[]): number {
  const guardrail = requireGuardrail(st, guardrailId);
  refuseDefaultGuardrail(st, guardrail, 'member_user_ids');
  const members = unique(userIds).filter((id) => st.db.orgMembers.has(id));
  if (guardrail.workspace_id !== st.defaultWorkspaceId) {
    // README: "In a workspace other than the default one, the API rejects a guardrail assignment
    // for someone who is not a member of that workspace." (The default one's membership is implicit.)
    const outsiders = members.filter((id) => !st.db.workspaceMembers.has(workspaceMemberKey(guardrail.workspace_id, id)));
    if (outsiders.length > 0) {
      const ws = st.db.workspaces.get(guardrail.workspace_id);
      throw badRequest(
        `member_user_ids: ${outsiders.join(', ')} ${outsiders.length === 1 ? 'is not a member' : 'are not members'} of workspace ` +
          `"${ws?.slug ?? guardrail.workspace_id}", the workspace of guardrail ${guardrail.id}; add them to the workspace first`,
      );
    }
  }
  let count = 0;
  for (const userId of members) {
    const key = memberAssignmentKey(guardrail.id, userId);
    if (st.db.memberAssignments.has(key)) continue;
    // At most one direct guardrail per member and workspace: a new one replaces the other.
    for (const [k, a] of st.db.memberAssignments) {
      if (a.user_id === userId && st.db.guardrails.get(a.guardrail_id)?.workspace_id === guardrail.workspace_id) {
        st.db.memberAssignments.delete(k);
      }
    }
    st.db.memberAssignments.set(key, {
      id: st.ids.uuid(),
      user_id: userId,
      guardrail_id: guardrail.id,
      assigned_by: st.ownerId,
      created_at: st.timestamp(),
    });
    count += 1;
  }
  return count;
}

export function unassignMembers(st: Store, guardrailId: string, userIds: readonly string[]): number {
  requireGuardrail(st, guardrailId);
  let count = 0;
  for (const userId of unique(userIds)) {
    if (st.db.memberAssignments.delete(memberAssignmentKey(guardrailId, userId))) count += 1;
  }
  return count;
}

/**
 * README: "The workspace's default guardrail cannot be assigned directly" — it already applies to
 * all of the workspace's traffic. Stated for member assignments (OpenRouter's Terraform provider,
 * guardrail_member_assignment); the sentence is general, so the sandbox refuses keys too. 400 is
 * the document's status for an invalid bulk assignment.
 */
function refuseDefaultGuardrail(st: Store, guardrail: GuardrailRecord, field: string): void {
  const owner = st.workspaceOfDefaultGuardrail(guardrail.id);
  if (owner) {
    throw badRequest(
      `${field}: guardrail ${guardrail.id} is the default guardrail of workspace "${owner.slug}", which applies to all of ` +
        'its traffic and cannot be assigned directly',
    );
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
