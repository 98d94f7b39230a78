// Guardrails, including each workspace's default guardrail: it has a deterministic id from the
// start, answers 404 until its first PATCH materializes it, has a derived name, and cannot be
// deleted (reference: getGuardrail 404 and updateGuardrail 400 texts; README "Guardrails").
import { ApiError, badRequest, notFound } from '../api-error.js';
import { applyGuardrailFields, BLANK_POLICY, type GuardrailFields } from './guardrail-policy.js';
import type { GuardrailRecord } from './records.js';
import type { Store } from './store.js';

export function insertGuardrail(
  st: Store,
  workspaceId: string,
  name: string,
  fields: GuardrailFields,
  createdAt?: string,
): GuardrailRecord {
  if (!st.db.workspaces.has(workspaceId)) throw badRequest(`workspace_id: workspace "${workspaceId}" does not exist`);
  const record: GuardrailRecord = {
    id: st.ids.uuid(),
    name,
    workspace_id: workspaceId,
    ...applyGuardrailFields(BLANK_POLICY, fields),
    created_at: createdAt === undefined ? st.timestamp() : new Date(createdAt).toISOString(),
    updated_at: null,
  };
  st.db.guardrails.set(record.id, record);
  return record;
}

export function requireGuardrail(st: Store, id: string): GuardrailRecord {
  const guardrail = st.db.guardrails.get(id);
  if (!guardrail) {
    throw notFound(`Guardrail ${id} not found, or the workspace default guardrail has not been configured yet`);
  }
  return guardrail;
}

/** PATCH semantics; on a workspace's unmaterialized default guardrail id, creates it. */
export function updateGuardrail(
  st: Store,
  id: string,
  input: GuardrailFields & { name?: string | undefined },
): GuardrailRecord {
  const { name, ...fields } = input;
  const owner = st.workspaceOfDefaultGuardrail(id);
  if (owner && name !== undefined) {
    throw badRequest(
      `name: the name of a workspace default guardrail is derived from its workspace ("${owner.name}") and cannot be changed`,
    );
  }
  const existing = st.db.guardrails.get(id);
  if (!existing) {
    if (!owner) throw notFound(`Guardrail ${id} not found`);
    const record: GuardrailRecord = {
      id,
      name: null,
      workspace_id: owner.id,
      ...applyGuardrailFields(BLANK_POLICY, fields),
      created_at: st.timestamp(),
      updated_at: null,
    };
    st.db.guardrails.set(id, record);
    return record;
  }
  Object.assign(existing, applyGuardrailFields(existing, fields));
  if (name !== undefined) existing.name = name;
  existing.updated_at = st.timestamp();
  return existing;
}

/** Deleting a guardrail removes its key and member assignments. */
export function deleteGuardrail(st: Store, id: string): void {
  const owner = st.workspaceOfDefaultGuardrail(id);
  if (owner) {
    // README: the default guardrail "is updated with PATCH /guardrails/{id}, never created or deleted".
    throw new ApiError(400, `Guardrail ${id} is the default guardrail of workspace "${owner.slug}" and cannot be deleted`);
  }
  requireGuardrail(st, id);
  removeGuardrailRecord(st, id);
}

/** Removes a guardrail and what points at it, with no rule checks (workspace deletion). */
export function removeGuardrailRecord(st: Store, id: string): void {
  st.db.guardrails.delete(id);
  for (const [hash, a] of st.db.keyAssignments) if (a.guardrail_id === id) st.db.keyAssignments.delete(hash);
  for (const [k, a] of st.db.memberAssignments) if (a.guardrail_id === id) st.db.memberAssignments.delete(k);
}

/** Guardrails of a workspace (materialized default included), in creation order. */
export function guardrailsOf(st: Store, workspaceId: string): GuardrailRecord[] {
  return [...st.db.guardrails.values()].filter((g) => g.workspace_id === workspaceId);
}
