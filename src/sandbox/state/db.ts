// The organization's collections, keyed for the lookups the rules make, and their conversion to
// and from plain data (persist.ts).
import type {
  ActivityRecord,
  BudgetInterval,
  BudgetRecord,
  GuardrailRecord,
  KeyAssignmentRecord,
  KeyRecord,
  MemberAssignmentRecord,
  OrgData,
  OrgMemberRecord,
  WorkspaceMemberRecord,
  WorkspaceRecord,
} from './records.js';

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

export function budgetKey(workspaceId: string, interval: BudgetInterval): string {
  return `${workspaceId}/${interval}`;
}

export function workspaceMemberKey(workspaceId: string, userId: string): string {
  return `${workspaceId}\u0000${userId}`;
}

export function memberAssignmentKey(guardrailId: string, userId: string): string {
  return `${guardrailId}\u0000${userId}`;
}

/** The collections of saved data (or empty ones); `loadedAt` dates what older files lack. */
export function dbFrom(data: OrgData | undefined, loadedAt: string): Db {
  return {
    orgMembers: new Map(data?.orgMembers.map((m) => [m.id, m])),
    workspaces: new Map(data?.workspaces.map((w) => [w.id, w])),
    // A state saved before usage_as_of existed: its counters count as recorded at load.
    keys: new Map(data?.keys.map((k) => [k.hash, { ...k, usage_as_of: k.usage_as_of ?? loadedAt }])),
    guardrails: new Map(data?.guardrails.map((g) => [g.id, g])),
    budgets: new Map(data?.budgets.map((b) => [budgetKey(b.workspace_id, b.interval), b])),
    workspaceMembers: new Map(data?.workspaceMembers.map((m) => [workspaceMemberKey(m.workspace_id, m.user_id), m])),
    keyAssignments: new Map(data?.keyAssignments.map((a) => [a.key_hash, a])),
    memberAssignments: new Map(data?.memberAssignments.map((a) => [memberAssignmentKey(a.guardrail_id, a.user_id), a])),
    activity: [...(data?.activity ?? [])],
  };
}
