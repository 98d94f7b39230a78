// Guardrail bindings. A key holds at most one guardrail and assigning it elsewhere moves it; key
// and guardrail share a workspace. Unknown hashes and users are not errors, they just do not
// count (README, "Guardrails and bindings"). Members may hold several guardrails.
import { badRequest } from '../api-error.js';
import { requireGuardrail } from './guardrails.js';
import { memberAssignmentKey } from './db.js';
import type { Store } from './store.js';

/** Returns how many assignments were created or moved (an existing identical one is not counted). */
export function assignKeys(st: Store, guardrailId: string, hashes: readonly string[]): number {
  const guardrail = requireGuardrail(st, guardrailId);
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
  requireGuardrail(st, guardrailId);
  let count = 0;
  for (const userId of unique(userIds)) {
    const key = memberAssignmentKey(guardrailId, userId);
    if (!st.db.orgMembers.has(userId) || st.db.memberAssignments.has(key)) continue;
    st.db.memberAssignments.set(key, {
      id: st.ids.uuid(),
      user_id: userId,
      guardrail_id: guardrailId,
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

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
